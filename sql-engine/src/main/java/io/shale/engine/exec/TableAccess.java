package io.shale.engine.exec;

import io.shale.catalog.Catalog;
import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.storage.KeyCursor;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.WaitPolicy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How tables and indexes are laid out in the store, and row-level reads and writes with index
 * maintenance and unique checks. Rows are in the stored layout: one value per column (dropped
 * columns as null) followed by the row id (a Long).
 *
 * <p>Keys: a table row is {@code storageId (8 bytes) · rowId (8 bytes)} → the encoded row; an
 * index entry is {@code storageId · key columns [· rowId]} → rowId (the row id is appended when
 * the index is not unique or the key has a null, so that such keys never collide).
 *
 * <p>Thread-safe; one per engine.
 */
public final class TableAccess {
    /**
     * Long scans yield their thread every this many rows + 1: sessions are virtual threads on few
     * carriers, and a long statement must not hold a carrier that other sessions wait for.
     */
    static final int YIELD_ROWS = 4095;

    private final Map<Long, AtomicLong> rowIds = new ConcurrentHashMap<>();

    /** The stored column types of a table, in attnum order. */
    public static SqlType[] storedTypes(Table table) {
        List<Column> columns = table.columns();
        SqlType[] types = new SqlType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
        return types;
    }

    static byte[] prefix(long storageId) {
        return KeyBytes.ofLong(storageId).toArray();
    }

    static byte[] prefixEnd(long storageId) {
        return KeyBytes.ofLong(storageId + 1).toArray();
    }

    static byte[] rowKey(long storageId, long rowId) {
        return KeyBytes.ofLong(storageId).appendLong(rowId).toArray();
    }

    /** Scans every row of the table in the transaction's snapshot. */
    public Operator scan(Transaction txn, Table table) {
        SqlType[] types = storedTypes(table);
        KeyCursor cursor = txn.scan(prefix(table.storageId()), prefixEnd(table.storageId()), false);
        return new Operator() {
            private int rows;

            @Override
            public Object[] next() {
                if (!cursor.next()) {
                    return null;
                }
                if ((++rows & YIELD_ROWS) == 0) {
                    CarrierYield.now();
                }
                return decodeRow(types, cursor.key(), cursor.value());
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    /** The row with this id in the snapshot, or null. */
    public Object[] fetch(Transaction txn, Table table, long rowId) {
        byte[] key = rowKey(table.storageId(), rowId);
        byte[] value = txn.get(key);
        return value == null ? null : decodeRow(storedTypes(table), key, value);
    }

    /**
     * Locks a row and returns its newest version (null when it was deleted, {@code SKIPPED} when
     * skipped).
     */
    public Object[] lock(Transaction txn, Table table, long rowId, LockStrength strength, WaitPolicy wait) {
        byte[] key = rowKey(table.storageId(), rowId);
        byte[] value;
        try {
            value = txn.lock(key, strength, wait);
        } catch (ShaleException e) {
            if (wait == WaitPolicy.NOWAIT && e.code() == ErrorCode.LOCK_NOT_AVAILABLE) {
                throw new ShaleException(ErrorCode.LOCK_NOT_AVAILABLE,
                        "could not obtain lock on row in relation \"" + table.name() + "\"");
            }
            throw e;
        }
        if (value == Transaction.SKIPPED) {
            return SKIPPED;
        }
        return value == null ? null : decodeRow(storedTypes(table), key, value);
    }

    /** Returned by {@link #lock} for a row SKIP LOCKED passed over. */
    public static final Object[] SKIPPED = new Object[0];

    /** Row ids of the index entries matching the key range, in index order. */
    public KeyCursor indexRange(Transaction txn, Index index, byte[] from, byte[] to, boolean descending) {
        return txn.scan(from, to, descending);
    }

    /**
     * The stored bytes of a row of {@code table} (a row as {@link #scan} returns it, or just its
     * columns), for shipping it to the node that holds a placement ({@link #insertStored}).
     */
    public static byte[] encodeStored(Table table, Object[] row) {
        return RowBytes.encode(storedTypes(table), row);
    }

    /** Inserts a row given as {@link #encodeStored} bytes, with a new row id. */
    public Object[] insertStored(Transaction txn, Catalog catalog, int databaseOid, Table table, byte[] stored,
                                 FormatSettings settings) {
        SqlType[] types = storedTypes(table);
        return insert(txn, catalog, databaseOid, table, Arrays.copyOf(RowBytes.decode(types, stored), types.length + 1),
                settings);
    }

    /** Inserts a row (its last element is replaced by a new row id); 23505 on a unique conflict. */
    public Object[] insert(Transaction txn, Catalog catalog, int databaseOid, Table table, Object[] row,
                           FormatSettings settings) {
        long rowId = nextRowId(txn, table);
        row[row.length - 1] = rowId;
        SqlType[] types = storedTypes(table);
        for (Index index : catalog.objects(databaseOid).indexesOf(table.oid())) {
            insertIndexEntry(txn, catalog, databaseOid, table, index, row, rowId, settings);
        }
        txn.put(rowKey(table.storageId(), rowId), RowBytes.encode(types, row));
        return row;
    }

    /** Replaces a locked row by {@code newRow} (same row id), maintaining indexes. */
    public void update(Transaction txn, Catalog catalog, int databaseOid, Table table, Object[] oldRow,
                       Object[] newRow, FormatSettings settings) {
        long rowId = (Long) oldRow[oldRow.length - 1];
        newRow[newRow.length - 1] = rowId;
        for (Index index : catalog.objects(databaseOid).indexesOf(table.oid())) {
            byte[] oldKey = IndexKeys.entryKey(index, table, oldRow, rowId);
            byte[] newKey = IndexKeys.entryKey(index, table, newRow, rowId);
            if (!Arrays.equals(oldKey, newKey)) {
                txn.delete(oldKey);
                insertIndexEntry(txn, catalog, databaseOid, table, index, newRow, rowId, settings);
            }
        }
        txn.put(rowKey(table.storageId(), rowId), RowBytes.encode(storedTypes(table), newRow));
    }

    /** Deletes a locked row and its index entries. */
    public void delete(Transaction txn, Catalog catalog, int databaseOid, Table table, Object[] row) {
        long rowId = (Long) row[row.length - 1];
        for (Index index : catalog.objects(databaseOid).indexesOf(table.oid())) {
            txn.delete(IndexKeys.entryKey(index, table, row, rowId));
        }
        txn.delete(rowKey(table.storageId(), rowId));
    }

    /** Adds the entries of every existing row to a new index (CREATE INDEX, ADD PRIMARY KEY). */
    public void buildIndex(Transaction txn, Catalog catalog, int databaseOid, Table table, Index index,
                           FormatSettings settings) {
        buildIndex(txn, catalog, databaseOid, table, index, settings, row -> { });
    }

    /** {@link #buildIndex} that first shows each row to {@code check} (which may throw), in the same scan. */
    public void buildIndex(Transaction txn, Catalog catalog, int databaseOid, Table table, Index index,
                           FormatSettings settings, java.util.function.Consumer<Object[]> check) {
        try (Operator rows = scan(txn, table)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                check.accept(row);
                insertIndexEntry(txn, catalog, databaseOid, table, index, row, (Long) row[row.length - 1], settings);
            }
        }
    }

    private void insertIndexEntry(Transaction txn, Catalog catalog, int databaseOid, Table table, Index index,
                                  Object[] row, long rowId, FormatSettings settings) {
        byte[] key = IndexKeys.entryKey(index, table, row, rowId);
        byte[] value = KeyBytes.ofLong(rowId).toArray();
        if (!IndexKeys.isUniqueEntry(index, table, row)) {
            txn.put(key, value);
            return;
        }
        if (!txn.insert(key, value)) {
            throw uniqueViolation(catalog.objects(databaseOid), table, index, row, settings);
        }
    }

    private static ShaleException uniqueViolation(DatabaseCatalog objects, Table table, Index index, Object[] row,
                                                  FormatSettings settings) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < index.keyCount(); i++) {
            Index.IndexKey key = index.keys().get(i);
            if (i > 0) {
                names.append(", ");
                values.append(", ");
            }
            Column column = table.column(key.attnum());
            names.append(column.name());
            Object v = row[key.attnum() - 1];
            values.append(v == null ? "null" : TextCodec.format(column.type(), v, settings));
        }
        String constraintName = index.name();
        for (Constraint c : objects.constraintsOf(table.oid())) {
            if (c.indexOid() == index.oid()) {
                constraintName = c.name();
            }
        }
        return new ShaleException(ErrorCode.UNIQUE_VIOLATION,
                "duplicate key value violates unique constraint \"" + constraintName + "\"")
                .withDetail("Key (" + names + ")=(" + values + ") already exists.");
    }

    private long nextRowId(Transaction txn, Table table) {
        AtomicLong counter = rowIds.computeIfAbsent(table.storageId(), id -> new AtomicLong(lastRowId(txn, table)));
        return counter.incrementAndGet();
    }

    private static long lastRowId(Transaction txn, Table table) {
        try (KeyCursor cursor = txn.scan(prefix(table.storageId()), prefixEnd(table.storageId()), true)) {
            return cursor.next() ? KeyBytes.readLong(cursor.key(), 8) : 0;
        }
    }

    /** Forgets the row-id counter of a storage id that is gone (DROP, TRUNCATE). */
    public void forget(long storageId) {
        rowIds.remove(storageId);
    }

    private static Object[] decodeRow(SqlType[] types, byte[] key, byte[] value) {
        Object[] stored = RowBytes.decode(types, value);
        Object[] row = Arrays.copyOf(stored, types.length + 1);
        row[types.length] = KeyBytes.readLong(key, 8);
        return row;
    }
}
