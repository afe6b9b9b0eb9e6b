package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.Constraint;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.Shard;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.exec.Operator;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * New CHECK constraints of shard relations placed on this node are validated against their rows, as PostgreSQL
 * validates a new constraint of a table (23514); the other nodes validate theirs while staging the catalog.
 */
final class LocalShardChecks {
    private LocalShardChecks() {
    }

    static void validate(DistributionContext context, Catalog base, Catalog next) {
        int database = context.databaseOid();
        DatabaseCatalog then = base.objects(database);
        DatabaseCatalog now = next.objects(database);
        int localGroup = context.localGroupId();
        for (Shard shard : now.allShards()) {
            if (!(then.relation(shard.shardRelationOid()) instanceof Table)
                    || !(now.relation(shard.shardRelationOid()) instanceof Table table)
                    || !now.hasPlacement(shard.shardId(), localGroup)) {
                continue;
            }
            Set<Integer> known = new HashSet<>();
            for (Constraint c : then.constraintsOf(table.oid())) {
                known.add(c.oid());
            }
            for (Constraint c : now.constraintsOf(table.oid())) {
                if (c.type() == 'c' && c.checkSql() != null && !known.contains(c.oid())) {
                    check(context, table, c);
                }
            }
        }
    }

    private static void check(DistributionContext context, Table table, Constraint constraint) {
        Predicate<Object[]> passes = null;
        try (Operator rows = context.tableAccess().scan(context.transaction(), table)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                if (passes == null) {
                    passes = context.checkConstraint(table, constraint.checkSql());
                }
                if (!passes.test(row)) {
                    throw new ShaleException(ErrorCode.CHECK_VIOLATION, "check constraint \"" + constraint.name()
                            + "\" of relation \"" + table.name() + "\" is violated by some row");
                }
            }
        }
    }
}
