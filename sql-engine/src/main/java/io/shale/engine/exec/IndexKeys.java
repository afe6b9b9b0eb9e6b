package io.shale.engine.exec;

import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.common.types.ByteSink;
import io.shale.common.types.KeyCodec;
import io.shale.common.types.SqlType;

import java.util.List;

/** Store keys of index entries and of index look-ups. */
public final class IndexKeys {
    private IndexKeys() {
    }

    /** Whether the entry must be unique: a unique index and no null in the key columns. */
    static boolean isUniqueEntry(Index index, Table table, Object[] row) {
        if (!index.unique()) {
            return false;
        }
        for (int i = 0; i < index.keyCount(); i++) {
            if (row[index.keys().get(i).attnum() - 1] == null) {
                return false;
            }
        }
        return true;
    }

    /** The key of a row's entry in the index. */
    static byte[] entryKey(Index index, Table table, Object[] row, long rowId) {
        KeyBytes key = KeyBytes.ofLong(index.storageId());
        for (int i = 0; i < index.keyCount(); i++) {
            Index.IndexKey k = index.keys().get(i);
            Object value = row[k.attnum() - 1];
            appendValue(key, table.column(k.attnum()).type(), value, k);
        }
        if (!isUniqueEntry(index, table, row)) {
            key.appendLong(rowId);
        }
        return key.toArray();
    }

    /** The key prefix of entries whose first index columns equal {@code values}. */
    public static KeyBytes prefix(Index index, Table table, List<Object> values) {
        KeyBytes key = KeyBytes.ofLong(index.storageId());
        for (int i = 0; i < values.size(); i++) {
            Index.IndexKey k = index.keys().get(i);
            appendValue(key, table.column(k.attnum()).type(), values.get(i), k);
        }
        return key;
    }

    static void appendValue(KeyBytes key, SqlType type, Object value, Index.IndexKey k) {
        ByteSink sink = new ByteSink();
        KeyCodec.encode(sink, type, value, k.descending(), k.nullsFirst());
        key.append(sink.toByteArray());
    }
}
