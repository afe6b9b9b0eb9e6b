package io.shale.engine.exec;

import io.shale.common.types.RowCodec;
import io.shale.common.types.SqlType;

import java.util.Arrays;

/**
 * Encodes table rows for the store. A row written before ADD COLUMN has fewer columns than the
 * table now: the missing ones read as null.
 */
final class RowBytes {
    private RowBytes() {
    }

    static byte[] encode(SqlType[] types, Object[] row) {
        return RowCodec.encode(types, row.length == types.length ? row : Arrays.copyOf(row, types.length));
    }

    static Object[] decode(SqlType[] types, byte[] bytes) {
        return RowCodec.decode(types, bytes);
    }
}
