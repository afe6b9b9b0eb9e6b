package io.shale.cluster.txn;

import io.shale.common.types.ByteSink;
import io.shale.common.types.RowCodec;
import io.shale.common.types.SqlType;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a task's result travels back from {@code task.execute}: streamed chunks, then a final answer.
 *
 * <pre>
 *   types chunk  'T' · n u16 · (type oid i32 · typmod i32)^n            (before the first rows, when the task returns rows)
 *   rows chunk   'D' · count i32 · (length i32 · RowCodec row)^count     (a batch of rows)
 *   final answer 'C' · rows affected i64 · command tag (UTF-8, rest)
 *   inline answer 'I' · length i32 · types chunk · length i32 · rows chunk · final answer (rest)
 * </pre>
 * A small result comes back whole in the inline answer (a length of 0 for a part that is absent), with no chunk
 * streamed before it: one frame for a point query instead of three.
 */
public final class TaskChunks {
    public static final byte TYPES = 'T';
    public static final byte ROWS = 'D';
    public static final byte COMPLETE = 'C';
    public static final byte INLINE = 'I';

    private TaskChunks() {
    }

    public static byte[] types(List<SqlType> types) {
        ByteSink out = new ByteSink(3 + types.size() * 8);
        out.putByte(TYPES).putShort(types.size());
        for (SqlType t : types) {
            out.putInt(t.oid()).putInt(t.typmod());
        }
        return out.toByteArray();
    }

    /** A batch of rows already encoded with {@link RowCodec}. */
    public static byte[] rows(List<byte[]> encodedRows) {
        int size = 5;
        for (byte[] r : encodedRows) {
            size += 4 + r.length;
        }
        ByteSink out = new ByteSink(size);
        out.putByte(ROWS).putInt(encodedRows.size());
        for (byte[] r : encodedRows) {
            out.putInt(r.length).putBytes(r);
        }
        return out.toByteArray();
    }

    public static byte[] complete(long rowsAffected, String tag) {
        byte[] text = tag.getBytes(StandardCharsets.UTF_8);
        return new ByteSink(9 + text.length).putByte(COMPLETE).putLong(rowsAffected).putBytes(text).toByteArray();
    }

    /** An answer that carries the whole result: {@code types} and {@code rows} chunks (either null) and the final answer. */
    public static byte[] inline(byte[] types, byte[] rows, byte[] complete) {
        int typesLength = types == null ? 0 : types.length;
        int rowsLength = rows == null ? 0 : rows.length;
        ByteSink out = new ByteSink(9 + typesLength + rowsLength + complete.length);
        out.putByte(INLINE).putInt(typesLength);
        if (types != null) {
            out.putBytes(types);
        }
        out.putInt(rowsLength);
        if (rows != null) {
            out.putBytes(rows);
        }
        return out.putBytes(complete).toByteArray();
    }

    /** The parts of an inline answer: its types chunk and rows chunk (null when absent) and its final answer. */
    public static byte[][] inlineParts(byte[] answer) {
        int typesLength = intAt(answer, 1);
        int p = 5;
        byte[] types = typesLength == 0 ? null : java.util.Arrays.copyOfRange(answer, p, p + typesLength);
        p += typesLength;
        int rowsLength = intAt(answer, p);
        p += 4;
        byte[] rows = rowsLength == 0 ? null : java.util.Arrays.copyOfRange(answer, p, p + rowsLength);
        p += rowsLength;
        return new byte[][] {types, rows, java.util.Arrays.copyOfRange(answer, p, answer.length)};
    }

    public static byte kind(byte[] chunk) {
        return chunk[0];
    }

    public static List<SqlType> readTypes(byte[] chunk) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(chunk, 1, chunk.length - 1));
            int n = in.readUnsignedShort();
            List<SqlType> types = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                types.add(new SqlType(in.readInt(), in.readInt()));
            }
            return types;
        } catch (IOException e) {
            throw Payloads.malformed("task result", e);
        }
    }

    /** Decodes a rows chunk into {@code into}. */
    public static void readRows(byte[] chunk, SqlType[] types, List<Object[]> into) {
        int count = intAt(chunk, 1);
        int p = 5;
        for (int i = 0; i < count; i++) {
            int length = intAt(chunk, p);
            p += 4;
            byte[] row = java.util.Arrays.copyOfRange(chunk, p, p + length);
            p += length;
            into.add(RowCodec.decode(types, row));
        }
    }

    public static long rowsAffected(byte[] complete) {
        return ((long) intAt(complete, 1) << 32) | (intAt(complete, 5) & 0xFFFFFFFFL);
    }

    public static String tag(byte[] complete) {
        return new String(complete, 9, complete.length - 9, StandardCharsets.UTF_8);
    }

    private static int intAt(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }
}
