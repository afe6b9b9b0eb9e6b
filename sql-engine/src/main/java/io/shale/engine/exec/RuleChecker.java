package io.shale.engine.exec;

import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.engine.plan.TableRules;
import io.shale.storage.LockStrength;
import io.shale.storage.WaitPolicy;

import java.util.ArrayList;
import java.util.List;

/** Checks CHECK constraints and foreign keys for rows a statement writes. */
final class RuleChecker {
    private final TableRules rules;
    private final Evaluator[] checks;
    private final ExecContext ctx;

    RuleChecker(TableRules rules, OperatorFactory factory, ExecContext ctx) {
        this.rules = rules;
        this.ctx = ctx;
        this.checks = new Evaluator[rules.checks().size()];
        for (int i = 0; i < checks.length; i++) {
            checks[i] = factory.evaluator(rules.checks().get(i).expression());
        }
    }

    void checkRow(Table table, Object[] row) {
        for (int i = 0; i < checks.length; i++) {
            if (Boolean.FALSE.equals(checks[i].eval(row, ctx))) {
                throw new ShaleException(ErrorCode.CHECK_VIOLATION, "new row for relation \"" + table.name()
                        + "\" violates check constraint \"" + rules.checks().get(i).name() + "\"")
                        .withDetail("Failing row contains " + RowText.of(table, row, ctx.formatSettings()) + ".");
            }
        }
    }

    /** Each foreign key from the written row must find its referenced row (locked FOR KEY SHARE). */
    void checkOutgoing(Object[] oldRow, Object[] newRow) {
        for (TableRules.ForeignKey fk : rules.outgoing()) {
            List<Short> columns = fk.constraint().columns();
            if (hasNull(newRow, columns) || oldRow != null && sameValues(oldRow, newRow, columns, fk.referencing())) {
                continue;
            }
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column from = fk.referencing().column(columns.get(i));
                Column to = fk.referenced().column(fk.constraint().referencedColumns().get(i));
                Object v = newRow[from.attnum() - 1];
                key.add(from.type().equals(to.type()) ? v : TypeOps.cast(v, from.type(), to.type(), false, ctx.formatSettings()));
            }
            byte[] rowId = ctx.transaction().get(IndexKeys.prefix(fk.referencedIndex(), fk.referenced(), key).toArray());
            Object[] referenced = rowId == null ? null : ctx.tables().lock(ctx.transaction(), fk.referenced(),
                    KeyBytes.readLong(rowId, 0), LockStrength.FOR_KEY_SHARE, WaitPolicy.WAIT);
            if (referenced == null) {
                throw new ShaleException(ErrorCode.FOREIGN_KEY_VIOLATION, "insert or update on table \""
                        + fk.referencing().name() + "\" violates foreign key constraint \"" + fk.constraint().name() + "\"")
                        .withDetail("Key " + keyText(fk.referencing(), columns, newRow) + " is not present in table \""
                                + fk.referenced().name() + "\".");
            }
        }
    }

    /** Rows of other tables that reference the old row: refuse, cascade or set null by the key's action. */
    void checkIncoming(Object[] oldRow, Object[] newRow) {
        for (TableRules.ForeignKey fk : rules.incoming()) {
            Constraint c = fk.constraint();
            List<Short> refColumns = c.referencedColumns();
            if (newRow != null && sameValues(oldRow, newRow, refColumns, fk.referenced())) {
                continue;
            }
            List<Object[]> referencing = findReferencing(fk, oldRow);
            if (referencing.isEmpty()) {
                continue;
            }
            char action = newRow == null ? c.onDelete() : c.onUpdate();
            switch (action) {
                case 'c' -> {
                    if (newRow != null) {
                        throw ShaleException.unsupported("ON UPDATE CASCADE");
                    }
                    for (Object[] r : referencing) {
                        ctx.tables().delete(ctx.transaction(), ctx.catalog(), ctx.databaseOid(), fk.referencing(), r);
                    }
                }
                case 'n' -> {
                    for (Object[] r : referencing) {
                        Object[] updated = r.clone();
                        for (short attnum : c.columns()) {
                            updated[attnum - 1] = null;
                        }
                        ctx.tables().update(ctx.transaction(), ctx.catalog(), ctx.databaseOid(), fk.referencing(), r,
                                updated, ctx.formatSettings());
                    }
                }
                case 'a', 'r' -> throw new ShaleException(ErrorCode.FOREIGN_KEY_VIOLATION, "update or delete on table \""
                        + fk.referenced().name() + "\" violates foreign key constraint \"" + c.name() + "\" on table \""
                        + fk.referencing().name() + "\"")
                        .withDetail("Key " + keyText(fk.referenced(), refColumns, oldRow) + " is still referenced from table \""
                                + fk.referencing().name() + "\".");
                default -> throw ShaleException.unsupported("ON DELETE SET DEFAULT");
            }
        }
    }

    private List<Object[]> findReferencing(TableRules.ForeignKey fk, Object[] oldRow) {
        Constraint c = fk.constraint();
        List<Object[]> found = new ArrayList<>();
        try (Operator scan = ctx.tables().scan(ctx.transaction(), fk.referencing())) {
            for (Object[] r = scan.next(); r != null; r = scan.next()) {
                boolean match = true;
                for (int i = 0; i < c.columns().size() && match; i++) {
                    Column from = fk.referencing().column(c.columns().get(i));
                    Column to = fk.referenced().column(c.referencedColumns().get(i));
                    Object a = r[from.attnum() - 1];
                    Object b = oldRow[to.attnum() - 1];
                    match = a != null && b != null && TypeOps.compare(commonType(from.type(), to.type()),
                            convert(a, from.type(), to.type()), b) == 0;
                }
                if (match) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    private Object convert(Object v, SqlType from, SqlType to) {
        return from.equals(to) ? v : TypeOps.cast(v, from, to, false, ctx.formatSettings());
    }

    private static SqlType commonType(SqlType from, SqlType to) {
        return to;
    }

    private String keyText(Table table, List<Short> columns, Object[] row) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column col = table.column(columns.get(i));
            if (i > 0) {
                names.append(", ");
                values.append(", ");
            }
            names.append(col.name());
            Object v = row[col.attnum() - 1];
            values.append(v == null ? "null" : TextCodec.format(col.type(), v, ctx.formatSettings()));
        }
        return "(" + names + ")=(" + values + ")";
    }

    private static boolean hasNull(Object[] row, List<Short> columns) {
        for (short c : columns) {
            if (row[c - 1] == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValues(Object[] a, Object[] b, List<Short> columns, Table table) {
        for (short c : columns) {
            Object x = a[c - 1];
            Object y = b[c - 1];
            if (x == null || y == null ? x != y : !TypeOps.equal(table.column(c).type(), x, y)) {
                return false;
            }
        }
        return true;
    }

}
