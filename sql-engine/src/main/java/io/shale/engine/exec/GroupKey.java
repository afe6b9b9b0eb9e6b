package io.shale.engine.exec;

import io.shale.common.types.SqlType;

/**
 * A tuple of values used as a hash key (GROUP BY, DISTINCT, hash joins, set operations), equal
 * and hashed by SQL semantics (1.0 equals 1.00), nulls equal to each other.
 */
final class GroupKey {
    private final Object[] values;
    private final SqlType[] types;
    private final int hash;

    GroupKey(Object[] values, SqlType[] types) {
        this.values = values;
        this.types = types;
        int h = 1;
        for (int i = 0; i < values.length; i++) {
            h = h * 31 + (values[i] == null ? 0 : TypeOps.hash(types[i], values[i]));
        }
        this.hash = h;
    }

    Object[] values() {
        return values;
    }

    boolean hasNull() {
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GroupKey other) || other.hash != hash || other.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            Object a = values[i];
            Object b = other.values[i];
            if (a == null || b == null) {
                if (a != b) {
                    return false;
                }
            } else if (!TypeOps.equal(types[i], a, b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    static Object[] eval(Evaluator[] exprs, Object[] row, ExecContext ctx) {
        Object[] values = new Object[exprs.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = exprs[i].eval(row, ctx);
        }
        return values;
    }

    static SqlType[] types(java.util.List<io.shale.engine.plan.Expr> exprs) {
        SqlType[] types = new SqlType[exprs.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = exprs.get(i).type();
        }
        return types;
    }
}
