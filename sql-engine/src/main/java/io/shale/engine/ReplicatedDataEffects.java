package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.Database;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.analyze.AnalyzerContext;
import io.shale.engine.analyze.StandaloneExpressions;
import io.shale.engine.exec.ExecContext;
import io.shale.engine.exec.Operator;
import io.shale.engine.exec.OperatorFactory;
import io.shale.storage.Transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The row effects of a replicated catalog change on the relations whose rows this node holds
 * (CLUSTER.md, point 3): a new column with a default or NOT NULL fills or checks the existing
 * rows, a column made NOT NULL and a new CHECK constraint are validated, all in the staging
 * transaction, so a violation fails the coordinator's DDL with PostgreSQL's error.
 */
final class ReplicatedDataEffects {
    private ReplicatedDataEffects() {
    }

    static void apply(Engine engine, Transaction txn, Catalog current, Catalog next) {
        for (Database d : next.databases()) {
            if (current.database(d.oid()) == null || !d.allowConnections()) {
                continue;
            }
            DatabaseCatalog before = current.objects(d.oid());
            DatabaseCatalog after = next.objects(d.oid());
            for (Relation r : after.relations()) {
                if (r instanceof Table table && before.relation(table.oid()) instanceof Table old
                        && old.storageId() == table.storageId()) {
                    apply(engine, txn, next, d, table, old, before, after);
                }
            }
        }
    }

    private static void apply(Engine engine, Transaction txn, Catalog next, Database database, Table table, Table old,
                              DatabaseCatalog before, DatabaseCatalog after) {
        List<Column> added = new ArrayList<>();
        List<Column> madeNotNull = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.dropped()) {
                continue;
            }
            if (c.attnum() > old.columns().size()) {
                if (c.defaultSql() != null || c.notNull()) {
                    added.add(c);
                }
            } else if (c.notNull() && !old.columns().get(c.attnum() - 1).notNull()) {
                madeNotNull.add(c);
            }
        }
        List<Constraint> checks = new ArrayList<>();
        List<Constraint> foreignKeys = new ArrayList<>();
        List<Integer> known = new ArrayList<>();
        for (Constraint c : before.constraintsOf(old.oid())) {
            known.add(c.oid());
        }
        for (Constraint c : after.constraintsOf(table.oid())) {
            if (c.type() == 'c' && c.checkSql() != null && !known.contains(c.oid())) {
                checks.add(c);
            } else if (c.type() == 'f' && !known.contains(c.oid())) {
                foreignKeys.add(c);
            }
        }
        if ((added.isEmpty() && madeNotNull.isEmpty() && checks.isEmpty() && foreignKeys.isEmpty())
                || isEmpty(engine, txn, table)) {
            return;
        }
        for (Constraint fk : foreignKeys) {
            checkReferences(engine, txn, table, after, fk);
        }
        Role owner = next.role(10);
        EngineSession session = (EngineSession) engine.openInternal(owner == null ? "postgres" : owner.name(), database.name(),
                Map.of(), "metadata sync");
        try {
            session.state.adopt(txn, next);
            StatementExecutor executor = session.executor();
            AnalyzerContext analyzer = executor.analyzerContext(List.of());
            ExecContext context = executor.context(new Object[0]);
            for (Column c : added) {
                fill(engine, session, analyzer, context, next, database, table, c);
            }
            for (Column c : madeNotNull) {
                checkNotNull(engine, txn, table, c);
            }
            for (Constraint c : checks) {
                var check = StandaloneExpressions.overTable(analyzer, table,
                        session.parser().parseExpression(c.checkSql()), "CHECK");
                var evaluator = new OperatorFactory().compiler().compile(check);
                try (Operator rows = engine.tables().scan(txn, table)) {
                    for (Object[] row = rows.next(); row != null; row = rows.next()) {
                        if (Boolean.FALSE.equals(evaluator.eval(row, context))) {
                            throw new ShaleException(ErrorCode.CHECK_VIOLATION, "check constraint \"" + c.name()
                                    + "\" of relation \"" + table.name() + "\" is violated by some row");
                        }
                    }
                }
            }
        } finally {
            session.state.releaseAdopted();
            session.close();
        }
    }

    private static void fill(Engine engine, EngineSession session, AnalyzerContext analyzer, ExecContext context,
                             Catalog next, Database database, Table table, Column column) {
        var value = column.defaultSql() == null ? null : new OperatorFactory().compiler().compile(
                StandaloneExpressions.analyze(analyzer, session.parser().parseExpression(column.defaultSql()),
                        column.type(), "DEFAULT expressions"));
        for (Object[] row : OperatorFactory.drain(engine.tables().scan(context.transaction(), table))) {
            Object v = value == null ? null : value.eval(null, context);
            if (v == null && column.notNull()) {
                throw nullValues(table, column);
            }
            Object[] newRow = row.clone();
            newRow[column.attnum() - 1] = v;
            engine.tables().update(context.transaction(), next, database.oid(), table, row, newRow, context.formatSettings());
        }
    }

    private static void checkNotNull(Engine engine, Transaction txn, Table table, Column column) {
        try (Operator rows = engine.tables().scan(txn, table)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                if (row[column.attnum() - 1] == null) {
                    throw nullValues(table, column);
                }
            }
        }
    }

    /**
     * A new foreign key of a shard relation placed here: its referenced relation (the colocated
     * shard, or the reference table's placement) is placed here too, so the rows are checked here.
     */
    private static void checkReferences(Engine engine, Transaction txn, Table table, DatabaseCatalog after, Constraint fk) {
        if (!(after.relation(fk.referencedTable()) instanceof Table referenced)) {
            return;
        }
        java.util.Set<List<Object>> keys = new java.util.HashSet<>();
        try (Operator rows = engine.tables().scan(txn, referenced)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                keys.add(key(row, fk.referencedColumns()));
            }
        }
        try (Operator rows = engine.tables().scan(txn, table)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                List<Object> key = key(row, fk.columns());
                if (!key.contains(null) && !keys.contains(key)) {
                    List<String> names = new ArrayList<>();
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < key.size(); i++) {
                        names.add(table.column(fk.columns().get(i)).name());
                        values.add(String.valueOf(key.get(i)));
                    }
                    throw new ShaleException(ErrorCode.FOREIGN_KEY_VIOLATION, "insert or update on table \""
                            + table.name() + "\" violates foreign key constraint \"" + fk.name() + "\"")
                            .withDetail("Key (" + String.join(", ", names) + ")=(" + String.join(", ", values)
                                    + ") is not present in table \"" + referenced.name() + "\".");
                }
            }
        }
    }

    /** The values of {@code attnums}, integers widened so int and bigint keys compare equal. */
    private static List<Object> key(Object[] row, List<Short> attnums) {
        List<Object> key = new ArrayList<>(attnums.size());
        for (short attnum : attnums) {
            Object v = row[attnum - 1];
            key.add(v instanceof Integer || v instanceof Short ? Long.valueOf(((Number) v).longValue()) : v);
        }
        return key;
    }

    private static ShaleException nullValues(Table table, Column column) {
        return new ShaleException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + column.name() + "\" of relation \""
                + table.name() + "\" contains null values");
    }

    private static boolean isEmpty(Engine engine, Transaction txn, Table table) {
        try (Operator rows = engine.tables().scan(txn, table)) {
            return rows.next() == null;
        }
    }
}
