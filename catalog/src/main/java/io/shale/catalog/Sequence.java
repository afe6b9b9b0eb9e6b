package io.shale.catalog;

import io.shale.common.types.SqlType;

/**
 * A sequence (pg_class row of kind {@code S} plus its pg_sequence row). Its current value is
 * not catalog state: the engine keeps it.
 *
 * @param ownedByTable oid of the table whose column owns it (serial, identity), or 0
 */
public record Sequence(int oid, int namespaceOid, String name, int ownerOid, SqlType type,
                       long start, long increment, long min, long max, long cache, boolean cycle,
                       int ownedByTable, short ownedByColumn) implements Relation {

    @Override
    public char kind() {
        return 'S';
    }

    public Sequence withName(String newName) {
        return new Sequence(oid, namespaceOid, newName, ownerOid, type, start, increment, min, max,
                cache, cycle, ownedByTable, ownedByColumn);
    }

    public Sequence withNamespace(int newNamespaceOid) {
        return new Sequence(oid, newNamespaceOid, name, ownerOid, type, start, increment, min, max,
                cache, cycle, ownedByTable, ownedByColumn);
    }

    public Sequence withOwnedBy(int table, short column) {
        return new Sequence(oid, namespaceOid, name, ownerOid, type, start, increment, min, max,
                cache, cycle, table, column);
    }
}
