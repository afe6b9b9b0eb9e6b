package io.shale.engine.citus;

import io.shale.catalog.Column;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

/**
 * Citus's rule for sequences behind the columns of distributed tables ({@code reference/citus.md}
 * §4.7): on a worker a bigint sequence hands out values from {@code (groupid << 48) + 1} up to
 * 2^48 further, so that every node can insert without colliding; an int or smallint one cannot be
 * used there. The coordinator (group 0) keeps the sequence's own range.
 */
public final class DistributedSequences {
    private static final long GROUP_RANGE = 1L << 48;

    private DistributedSequences() {
    }

    /** The sequence as this node uses it: the worker's range for a distributed table's bigint sequence. */
    public static Sequence forNode(DatabaseCatalog objects, Sequence sequence, int localGroupId) {
        if (localGroupId == 0 || objects.distributedTables().isEmpty()) {
            return sequence;
        }
        SqlType columnType = distributedColumnType(objects, sequence);
        if (columnType == null) {
            return sequence;
        }
        if (columnType.oid() == TypeOids.INT4 || columnType.oid() == TypeOids.INT2) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "nextval(sequence) calls in worker nodes are not"
                    + " supported for column defaults of type int or smallint");
        }
        long start = ((long) localGroupId << 48) + 1;
        return new Sequence(sequence.oid(), sequence.namespaceOid(), sequence.name(), sequence.ownerOid(),
                sequence.type(), start, sequence.increment(), start, start + GROUP_RANGE, sequence.cache(),
                sequence.cycle(), sequence.ownedByTable(), sequence.ownedByColumn());
    }

    /** The type of the distributed table column whose default or identity takes values from the sequence, or null. */
    private static SqlType distributedColumnType(DatabaseCatalog objects, Sequence sequence) {
        if (sequence.ownedByTable() != 0 && objects.distributedTable(sequence.ownedByTable()) != null
                && objects.relation(sequence.ownedByTable()) instanceof Table t && sequence.ownedByColumn() > 0) {
            return t.column(sequence.ownedByColumn()).type();
        }
        for (DistributedTable d : objects.distributedTables()) {
            if (!(objects.relation(d.relationOid()) instanceof Table t)) {
                continue;
            }
            for (Column c : t.liveColumns()) {
                if (defaultUses(c.defaultSql(), objects, sequence)) {
                    return c.type();
                }
            }
        }
        return null;
    }

    /** Whether a stored default calls nextval on the sequence (named with or without its schema). */
    public static boolean defaultUses(String defaultSql, DatabaseCatalog objects, Sequence sequence) {
        if (defaultSql == null || !defaultSql.contains("nextval(")) {
            return false;
        }
        String name = io.shale.engine.system.Identifiers.quote(sequence.name());
        var ns = objects.namespace(sequence.namespaceOid());
        return defaultSql.contains("'" + name + "'") || ns != null
                && defaultSql.contains("'" + io.shale.engine.system.Identifiers.quote(ns.name()) + "." + name + "'");
    }
}
