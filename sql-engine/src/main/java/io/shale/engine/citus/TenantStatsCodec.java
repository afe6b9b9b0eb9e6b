package io.shale.engine.citus;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The payloads of the internal request {@code tenant.stats}.
 *
 * <pre>
 *   request:  kind (i8: 0 rows, 1 reset) · [rows: database oid (i32) · all tenants (i8)]
 *   response: [rows: count (i32) · per row: colocation id (i32) · attribute length (i32, -1 for null) · UTF-8 bytes ·
 *              reads this, reads last, queries this, queries last (i32 each) · cpu this, cpu last (f64) · score (i64)]
 * </pre>
 */
final class TenantStatsCodec {
    static final byte ROWS = 0;
    static final byte RESET = 1;

    private TenantStatsCodec() {
    }

    static byte[] rowsRequest(int databaseOid, boolean all) {
        return ByteBuffer.allocate(6).put(ROWS).putInt(databaseOid).put((byte) (all ? 1 : 0)).array();
    }

    static byte[] resetRequest() {
        return new byte[] {RESET};
    }

    static byte[] encodeRows(List<TenantStats.Row> rows) {
        List<byte[]> names = new ArrayList<>(rows.size());
        int size = 4;
        for (TenantStats.Row r : rows) {
            byte[] name = r.attribute() == null ? null : r.attribute().getBytes(StandardCharsets.UTF_8);
            names.add(name);
            size += 4 + 4 + (name == null ? 0 : name.length) + 16 + 16 + 8;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TenantStats.Row r = rows.get(i);
            byte[] name = names.get(i);
            out.putInt(r.colocationId()).putInt(name == null ? -1 : name.length);
            if (name != null) {
                out.put(name);
            }
            out.putInt(r.readsThisPeriod()).putInt(r.readsLastPeriod()).putInt(r.queriesThisPeriod())
                    .putInt(r.queriesLastPeriod()).putDouble(r.cpuThisPeriod()).putDouble(r.cpuLastPeriod())
                    .putLong(r.score());
        }
        return out.array();
    }

    /** The rows of a response, or null for none (the node did not answer). */
    static List<TenantStats.Row> decodeRows(byte[] payload) {
        if (payload == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / 44) {
                throw malformed();
            }
            List<TenantStats.Row> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int colocationId = in.getInt();
                int length = in.getInt();
                String attribute = null;
                if (length >= 0) {
                    byte[] name = new byte[length];
                    in.get(name);
                    attribute = new String(name, StandardCharsets.UTF_8);
                }
                rows.add(new TenantStats.Row(colocationId, attribute, in.getInt(), in.getInt(), in.getInt(),
                        in.getInt(), in.getDouble(), in.getDouble(), in.getLong()));
            }
            return rows;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw malformed();
        }
    }

    private static ShaleException malformed() {
        return new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "malformed tenant.stats response");
    }
}
