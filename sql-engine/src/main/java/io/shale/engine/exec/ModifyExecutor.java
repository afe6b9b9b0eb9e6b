package io.shale.engine.exec;

import io.shale.catalog.Column;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.plan.ModifyOperation;
import io.shale.engine.plan.PlanNode;
import io.shale.storage.LockStrength;
import io.shale.storage.WaitPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs INSERT, UPDATE and DELETE. The source is read to its end before the first write, so a
 * statement never sees its own changes. UPDATE and DELETE lock each row and, when a concurrent
 * transaction changed it first, re-check the WHERE clause on the newest version (PostgreSQL's
 * READ COMMITTED behaviour). The operator returns the RETURNING rows; the count goes to
 * {@link ExecContext#addAffected}.
 */
final class ModifyExecutor {
    private ModifyExecutor() {
    }

    static Operator open(PlanNode.Modify node, OperatorFactory factory, ExecContext ctx) {
        List<Object[]> returned = switch (node.operation()) {
            case ModifyOperation.Insert insert -> insert(insert, factory, ctx);
            case ModifyOperation.Update update -> update(update, factory, ctx);
            case ModifyOperation.Delete delete -> delete(delete, factory, ctx);
        };
        return OperatorFactory.iterate(returned.iterator());
    }

    private static List<Object[]> insert(ModifyOperation.Insert op, OperatorFactory factory, ExecContext ctx) {
        Table table = op.table();
        Evaluator[] values = factory.evaluators(op.values());
        Evaluator[] returning = factory.evaluators(op.returning());
        RuleChecker rules = new RuleChecker(op.rules(), factory, ctx);
        List<Object[]> source = OperatorFactory.drain(factory.create(op.source(), ctx));
        List<Object[]> out = new ArrayList<>();
        ModifyOperation.OnConflict onConflict = op.onConflict();
        for (Object[] in : source) {
            ctx.checkInterrupted();
            Object[] row = new Object[table.columns().size() + 1];
            for (int i = 0; i < values.length; i++) {
                row[i] = values[i] == null ? null : values[i].eval(in, ctx);
            }
            checkNotNull(table, row, ctx);
            rules.checkRow(table, row);
            Object[] stored = onConflict == null ? insertRow(table, row, ctx)
                    : OnConflictHandler.insert(op, row, factory, ctx, rules);
            if (stored == null) {
                continue;
            }
            rules.checkOutgoing(null, stored);
            ctx.addAffected(1);
            if (returning.length > 0) {
                out.add(GroupKey.eval(returning, stored, ctx));
            }
        }
        return out;
    }

    static Object[] insertRow(Table table, Object[] row, ExecContext ctx) {
        return ctx.tables().insert(ctx.transaction(), ctx.catalog(), ctx.databaseOid(), table, row, ctx.formatSettings());
    }

    private static List<Object[]> update(ModifyOperation.Update op, OperatorFactory factory, ExecContext ctx) {
        Table table = op.table();
        int width = table.columns().size() + 1;
        int offset = op.targetOffset();
        Evaluator[] assignments = factory.evaluators(op.assignments());
        Evaluator[] returning = factory.evaluators(op.returning());
        RuleChecker rules = new RuleChecker(op.rules(), factory, ctx);
        List<Object[]> out = new ArrayList<>();
        boolean[] keyColumns = keyColumns(table, ctx);
        forEachTarget(table, op.source(), offset, op.recheck(), LockStrength.FOR_NO_KEY_UPDATE, factory, ctx, (current, oldRow) -> {
            Object[] newRow = oldRow.clone();
            boolean keyChanged = false;
            for (int i = 0; i < assignments.length; i++) {
                if (assignments[i] != null) {
                    newRow[i] = assignments[i].eval(current, ctx);
                    keyChanged |= keyColumns[i] && !java.util.Objects.equals(newRow[i], oldRow[i]);
                }
            }
            if (keyChanged) {
                ctx.tables().lock(ctx.transaction(), table, (Long) oldRow[width - 1], LockStrength.FOR_UPDATE, WaitPolicy.WAIT);
            }
            checkNotNull(table, newRow, ctx);
            rules.checkRow(table, newRow);
            rules.checkIncoming(oldRow, newRow);
            ctx.tables().update(ctx.transaction(), ctx.catalog(), ctx.databaseOid(), table, oldRow, newRow, ctx.formatSettings());
            rules.checkOutgoing(oldRow, newRow);
            if (returning.length > 0) {
                Object[] r = current.clone();
                System.arraycopy(newRow, 0, r, offset, width);
                out.add(GroupKey.eval(returning, r, ctx));
            }
        });
        return out;
    }

    /**
     * The columns of the table's unique indexes (no predicate): an UPDATE that changes one takes FOR UPDATE
     * instead of FOR NO KEY UPDATE, so that it waits for FOR KEY SHARE holders, as in PostgreSQL.
     */
    private static boolean[] keyColumns(Table table, ExecContext ctx) {
        boolean[] key = new boolean[table.columns().size()];
        for (io.shale.catalog.Index index : ctx.catalog().objects(ctx.databaseOid()).indexesOf(table.oid())) {
            if (index.unique() && index.predicateSql() == null) {
                for (int i = 0; i < index.keyCount(); i++) {
                    int attnum = index.keys().get(i).attnum();
                    if (attnum > 0) {
                        key[attnum - 1] = true;
                    }
                }
            }
        }
        return key;
    }

    private static List<Object[]> delete(ModifyOperation.Delete op, OperatorFactory factory, ExecContext ctx) {
        Table table = op.table();
        Evaluator[] returning = factory.evaluators(op.returning());
        RuleChecker rules = new RuleChecker(op.rules(), factory, ctx);
        List<Object[]> out = new ArrayList<>();
        forEachTarget(table, op.source(), op.targetOffset(), op.recheck(), LockStrength.FOR_UPDATE, factory, ctx, (current, oldRow) -> {
            rules.checkIncoming(oldRow, null);
            ctx.tables().delete(ctx.transaction(), ctx.catalog(), ctx.databaseOid(), table, oldRow);
            if (returning.length > 0) {
                out.add(GroupKey.eval(returning, current, ctx));
            }
        });
        return out;
    }

    /** What UPDATE or DELETE does to one target row: the whole source row (newest version) and the target's part. */
    @FunctionalInterface
    private interface TargetAction {
        void apply(Object[] current, Object[] oldRow);
    }

    /**
     * Reads the source to its end, then locks each target row once, re-checks it when it changed
     * concurrently, applies {@code action} to it and counts it.
     */
    private static void forEachTarget(Table table, io.shale.engine.plan.PlanNode source, int offset,
                                      io.shale.engine.plan.Expr recheckExpr, LockStrength strength,
                                      OperatorFactory factory, ExecContext ctx, TargetAction action) {
        int width = table.columns().size() + 1;
        Evaluator recheck = factory.evaluator(recheckExpr);
        java.util.Set<Long> done = new java.util.HashSet<>();
        for (Object[] in : OperatorFactory.drain(factory.create(source, ctx))) {
            ctx.checkInterrupted();
            Object[] current = lockCurrent(table, in, offset, width, recheck, strength, ctx);
            if (current == null || !done.add((Long) current[offset + width - 1])) {
                continue;
            }
            action.apply(current, Arrays.copyOfRange(current, offset, offset + width));
            ctx.addAffected(1);
        }
    }

    /**
     * Locks the target row of a source row and returns the source row with the target's newest
     * version, or null when the row is gone or no longer matches.
     */
    private static Object[] lockCurrent(Table table, Object[] in, int offset, int width, Evaluator recheck,
                                        LockStrength strength, ExecContext ctx) {
        Object rowId = in[offset + width - 1];
        if (rowId == null) {
            return null;
        }
        Object[] newest = ctx.tables().lock(ctx.transaction(), table, (Long) rowId, strength, WaitPolicy.WAIT);
        if (newest == null) {
            return null;
        }
        if (Arrays.equals(newest, 0, width, in, offset, offset + width)) {
            return in;
        }
        Object[] current = in.clone();
        System.arraycopy(newest, 0, current, offset, width);
        if (recheck != null && !Boolean.TRUE.equals(recheck.eval(current, ctx))) {
            return null;
        }
        return current;
    }

    static void checkNotNull(Table table, Object[] row, ExecContext ctx) {
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.notNull() && !c.dropped() && row[i] == null) {
                throw new ShaleException(ErrorCode.NOT_NULL_VIOLATION, "null value in column \"" + c.name()
                        + "\" of relation \"" + table.name() + "\" violates not-null constraint")
                        .withDetail("Failing row contains " + RowText.of(table, row, ctx.formatSettings()) + ".");
            }
        }
    }
}
