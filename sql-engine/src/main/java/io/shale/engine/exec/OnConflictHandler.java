package io.shale.engine.exec;

import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.plan.ModifyOperation;
import io.shale.storage.LockStrength;
import io.shale.storage.WaitPolicy;

import java.util.ArrayList;
import java.util.List;

/** INSERT … ON CONFLICT DO NOTHING / DO UPDATE for one row. */
final class OnConflictHandler {
    private OnConflictHandler() {
    }

    /** Inserts the row or resolves its conflict; returns the row written, or null when nothing was. */
    static Object[] insert(ModifyOperation.Insert op, Object[] row, OperatorFactory factory, ExecContext ctx,
                           RuleChecker rules) {
        Table table = op.table();
        ModifyOperation.OnConflict onConflict = op.onConflict();
        Index arbiter = onConflict.arbiter();
        if (arbiter != null && IndexKeys.isUniqueEntry(arbiter, table, row)) {
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < arbiter.keyCount(); i++) {
                key.add(row[arbiter.keys().get(i).attnum() - 1]);
            }
            byte[] rowId = ctx.transaction().get(IndexKeys.prefix(arbiter, table, key).toArray());
            if (rowId != null) {
                Object[] existing = ctx.tables().lock(ctx.transaction(), table, KeyBytes.readLong(rowId, 0),
                        LockStrength.FOR_UPDATE, WaitPolicy.WAIT);
                if (existing != null) {
                    return onConflict.assignments() == null ? null : update(op, existing, row, factory, ctx, rules);
                }
            }
        }
        int savepoint = ctx.transaction().savepoint();
        try {
            Object[] stored = ModifyExecutor.insertRow(table, row, ctx);
            ctx.transaction().release(savepoint);
            return stored;
        } catch (ShaleException e) {
            if (e.code() != ErrorCode.UNIQUE_VIOLATION || onConflict.assignments() != null) {
                throw e;
            }
            ctx.transaction().rollbackTo(savepoint);
            return null;
        }
    }

    private static Object[] update(ModifyOperation.Insert op, Object[] existing, Object[] excluded,
                                   OperatorFactory factory, ExecContext ctx, RuleChecker rules) {
        Table table = op.table();
        int width = existing.length;
        Object[] both = new Object[width * 2];
        System.arraycopy(existing, 0, both, 0, width);
        System.arraycopy(excluded, 0, both, width, width);
        Evaluator where = factory.evaluator(op.onConflict().where());
        if (where != null && !Boolean.TRUE.equals(where.eval(both, ctx))) {
            return null;
        }
        Evaluator[] assignments = factory.evaluators(op.onConflict().assignments());
        Object[] newRow = existing.clone();
        for (int i = 0; i < assignments.length; i++) {
            if (assignments[i] != null) {
                newRow[i] = assignments[i].eval(both, ctx);
            }
        }
        ModifyExecutor.checkNotNull(table, newRow, ctx);
        rules.checkRow(table, newRow);
        ctx.tables().update(ctx.transaction(), ctx.catalog(), ctx.databaseOid(), table, existing, newRow,
                ctx.formatSettings());
        return newRow;
    }
}
