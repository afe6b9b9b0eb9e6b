package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.Column;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.Shard;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.exec.Operator;
import io.shale.engine.exec.TypeOps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The row effects of ALTER TABLE on the shards this node holds, as the shell's own rows get them: a new column
 * with a DEFAULT (or NOT NULL) fills existing rows, a column whose type changed has its values cast, SET NOT NULL
 * checks the rows.
 */
final class LocalShardRewriter {
    private LocalShardRewriter() {
    }

    static void rewrite(DistributionContext context, Catalog base, Catalog next, Table before, Table after) {
        List<Column> added = new ArrayList<>();
        List<Column> retyped = new ArrayList<>();
        List<Column> tightened = new ArrayList<>();
        for (Column c : after.columns()) {
            if (c.dropped()) {
                continue;
            }
            if (c.attnum() > before.columns().size()) {
                if (c.defaultSql() != null || c.notNull()) {
                    added.add(c);
                }
            } else if (!before.column(c.attnum()).dropped()) {
                if (!before.column(c.attnum()).type().equals(c.type())) {
                    retyped.add(c);
                }
                if (c.notNull() && !before.column(c.attnum()).notNull()) {
                    tightened.add(c);
                }
            }
        }
        if (added.isEmpty() && retyped.isEmpty() && tightened.isEmpty()) {
            return;
        }
        int database = context.databaseOid();
        DatabaseCatalog then = base.objects(database);
        DatabaseCatalog now = next.objects(database);
        List<Supplier<Object>> defaults = new ArrayList<>();
        for (Column c : added) {
            defaults.add(context.columnDefault(c));
        }
        for (Shard shard : now.shards(after.oid())) {
            Relation old = then.relation(shard.shardRelationOid());
            if (!(old instanceof Table oldShard) || !now.hasPlacement(shard.shardId(), context.localGroupId())) {
                continue;
            }
            Table newShard = (Table) now.relation(shard.shardRelationOid());
            List<Object[]> rows = new ArrayList<>();
            try (Operator scan = context.tableAccess().scan(context.transaction(), oldShard)) {
                for (Object[] row = scan.next(); row != null; row = scan.next()) {
                    rows.add(row);
                }
            }
            for (Object[] row : rows) {
                for (Column c : tightened) {
                    if (row[c.attnum() - 1] == null) {
                        throw new ShaleException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + c.name()
                                + "\" of relation \"" + newShard.name() + "\" contains null values");
                    }
                }
                if (added.isEmpty() && retyped.isEmpty()) {
                    continue;
                }
                Object[] newRow = Arrays.copyOf(row, newShard.columns().size() + 1);
                newRow[newRow.length - 1] = row[row.length - 1];
                for (int i = row.length - 1; i < newShard.columns().size(); i++) {
                    newRow[i] = null;
                }
                for (int i = 0; i < added.size(); i++) {
                    Column c = added.get(i);
                    Object v = defaults.get(i).get();
                    if (v == null && c.notNull()) {
                        throw new ShaleException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + c.name()
                                + "\" of relation \"" + after.name() + "\" contains null values");
                    }
                    newRow[c.attnum() - 1] = v;
                }
                for (Column c : retyped) {
                    Object v = row[c.attnum() - 1];
                    newRow[c.attnum() - 1] = v == null ? null : TypeOps.cast(v, before.column(c.attnum()).type(),
                            c.type(), false, context.formatSettings());
                }
                context.tableAccess().update(context.transaction(), next, database, newShard, row, newRow,
                        context.formatSettings());
            }
        }
    }
}
