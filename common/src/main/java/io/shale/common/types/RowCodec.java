package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/**
 * Compact encoding of a whole row for storage. Layout, version 1:
 *
 * <pre>
 * row    := version:u8 (=1) ncols:varint nullbitmap:ceil(ncols/8) column*
 * column := fixed-size binary value                (bool, int2/4/8, oid, float, date, time, timestamp…)
 *         | length:varint bytes                    (everything else: PostgreSQL binary form)
 * </pre>
 *
 * A NULL column has its bit set (bit i%8 of byte i/8) and no bytes. Thread-safe (stateless).
 */
public final class RowCodec {
    /** The format version written as the first byte. */
    public static final int VERSION = 1;
    private static final FormatSettings SETTINGS = FormatSettings.defaults();

    private RowCodec() {
    }

    public static byte[] encode(SqlType[] types, Object[] row) {
        ByteSink out = new ByteSink(16 + row.length * 8);
        encode(types, row, out, new ByteSink(32));
        return out.toByteArray();
    }

    /** Appends the row to {@code out}; {@code scratch} is a reusable buffer for variable-size values. */
    public static void encode(SqlType[] types, Object[] row, ByteSink out, ByteSink scratch) {
        int n = row.length;
        out.putByte(VERSION).putVarint(n);
        int bitmap = out.length();
        for (int i = 0; i < (n + 7) / 8; i++) {
            out.putByte(0);
        }
        int bits = 0;
        for (int i = 0; i < n; i++) {
            Object v = row[i];
            if (v == null) {
                bits |= 1 << (i & 7);
            } else {
                SqlType t = types[i];
                ValueCodec codec = Codecs.require(t.oid(), "storage");
                if (fixedSize(t.oid()) > 0) {
                    codec.write(t, v, out, SETTINGS);
                } else {
                    scratch.reset();
                    codec.write(t, v, scratch, SETTINGS);
                    out.putVarint(scratch.length());
                    out.putBytes(scratch.toByteArrayView(), 0, scratch.length());
                }
            }
            if ((i & 7) == 7 || i == n - 1) {
                out.setByte(bitmap + (i >> 3), bits);
                bits = 0;
            }
        }
    }

    public static Object[] decode(SqlType[] types, byte[] bytes) {
        int[] pos = {0};
        int n = header(bytes, pos);
        int bitmap = pos[0];
        int p = bitmap + (n + 7) / 8;
        Object[] row = new Object[types.length];
        for (int i = 0; i < n; i++) {
            if ((bytes[bitmap + (i >> 3)] & (1 << (i & 7))) != 0) {
                continue;
            }
            SqlType t = types[i];
            int len = fixedSize(t.oid());
            if (len <= 0) {
                pos[0] = p;
                len = readVarint(bytes, pos);
                p = pos[0];
            }
            if (i < row.length) {
                row[i] = Codecs.require(t.oid(), "storage").read(t, bytes, p, len, SETTINGS);
            }
            p += len;
        }
        return row;
    }

    /** Decodes column {@code index} alone, skipping the bytes of the columns before it. */
    public static Object decodeColumn(SqlType[] types, byte[] bytes, int index) {
        int[] pos = {0};
        int n = header(bytes, pos);
        if (index >= n) {
            return null;
        }
        int bitmap = pos[0];
        int p = bitmap + (n + 7) / 8;
        for (int i = 0; i <= index; i++) {
            if ((bytes[bitmap + (i >> 3)] & (1 << (i & 7))) != 0) {
                if (i == index) {
                    return null;
                }
                continue;
            }
            int len = fixedSize(types[i].oid());
            if (len <= 0) {
                pos[0] = p;
                len = readVarint(bytes, pos);
                p = pos[0];
            }
            if (i == index) {
                return Codecs.require(types[i].oid(), "storage").read(types[i], bytes, p, len, SETTINGS);
            }
            p += len;
        }
        return null;
    }

    private static int header(byte[] bytes, int[] pos) {
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw new ShaleException(ErrorCode.DATA_CORRUPTED,
                    "unsupported row format version " + (bytes.length == 0 ? -1 : bytes[0]));
        }
        pos[0] = 1;
        return readVarint(bytes, pos);
    }

    private static int readVarint(byte[] b, int[] pos) {
        int v = 0;
        int shift = 0;
        while (true) {
            int x = b[pos[0]++];
            v |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }

    /** Bytes of the fixed-size binary form of a type, or 0 when it is variable. */
    static int fixedSize(int oid) {
        return switch (oid) {
            case TypeOids.BOOL -> 1;
            case TypeOids.INT2 -> 2;
            case TypeOids.INT4, TypeOids.FLOAT4, TypeOids.DATE, TypeOids.OID, TypeOids.REGPROC, TypeOids.REGPROCEDURE,
                 TypeOids.REGCLASS, TypeOids.REGTYPE, TypeOids.REGNAMESPACE, TypeOids.REGROLE, TypeOids.REGOPER,
                 TypeOids.REGOPERATOR, TypeOids.REGCONFIG, TypeOids.REGCOLLATION, TypeOids.XID, TypeOids.CID -> 4;
            case TypeOids.INT8, TypeOids.FLOAT8, TypeOids.TIME, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ -> 8;
            case TypeOids.TIMETZ -> 12;
            case TypeOids.INTERVAL, TypeOids.UUID -> 16;
            default -> 0;
        };
    }
}
