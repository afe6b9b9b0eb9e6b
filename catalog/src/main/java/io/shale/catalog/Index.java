package io.shale.catalog;

import java.util.List;

/**
 * An index of a table (pg_class row of kind {@code i} plus its pg_index row). Its entries live
 * in the store under the key prefix {@code storageId}.
 *
 * @param keys the key columns, then the INCLUDE columns ({@code keyCount} of them are keys)
 * @param predicateSql the WHERE of a partial index as SQL text, or null
 */
public record Index(int oid, int namespaceOid, String name, int ownerOid, int tableOid,
                    List<IndexKey> keys, int keyCount, boolean unique, boolean primary,
                    String predicateSql, String method, long storageId) implements Relation {

    public Index {
        keys = List.copyOf(keys);
    }

    @Override
    public char kind() {
        return 'i';
    }

    public Index withStorageId(long newStorageId) {
        return new Index(oid, namespaceOid, name, ownerOid, tableOid, keys, keyCount, unique,
                primary, predicateSql, method, newStorageId);
    }

    public Index withNamespace(int newNamespaceOid) {
        return new Index(oid, newNamespaceOid, name, ownerOid, tableOid, keys, keyCount, unique,
                primary, predicateSql, method, storageId);
    }

    public Index withName(String newName) {
        return new Index(oid, namespaceOid, newName, ownerOid, tableOid, keys, keyCount, unique,
                primary, predicateSql, method, storageId);
    }

    /**
     * One index column: a table column ({@code attnum} > 0) or an expression ({@code attnum} 0
     * and {@code expressionSql}).
     */
    public record IndexKey(short attnum, String expressionSql, boolean descending, boolean nullsFirst) {
        public static IndexKey column(int attnum) {
            return new IndexKey((short) attnum, null, false, false);
        }
    }
}
