package io.shale.engine.distributed;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.Casts;
import io.shale.common.types.SqlType;
import io.shale.engine.exec.ExecContext;
import io.shale.engine.exec.OperatorFactory;
import io.shale.engine.plan.PlanNode;

import java.util.List;

/**
 * The value a filter pins a distribution column to: a parameter (read from the bound values at every execution,
 * Citus's deferred pruning) or a constant expression, evaluated once by a small plan of its own.
 */
final class PinValue {
    private final int parameter;
    private final SqlType parameterType;
    private final SqlType columnType;
    private final PlanNode plan;
    private final OperatorFactory operators = new OperatorFactory();
    private final boolean constant;
    private volatile Object[] cached;

    private PinValue(int parameter, SqlType parameterType, SqlType columnType, PlanNode plan, boolean constant) {
        this.parameter = parameter;
        this.parameterType = parameterType;
        this.columnType = columnType;
        this.plan = plan;
        this.constant = constant;
    }

    /** The value of parameter {@code index} (0-based) of type {@code type}, as a value of {@code columnType}. */
    static PinValue parameter(int index, SqlType type, SqlType columnType) {
        return new PinValue(index, type, columnType, null, false);
    }

    /** The single value {@code plan} computes (a value of the column's type); {@code constant} when parameter-free. */
    static PinValue computed(PlanNode plan, SqlType columnType, boolean constant) {
        return new PinValue(-1, null, columnType, plan, constant);
    }

    /** The pinned value for one execution; Citus's error when it is null. */
    Object value(ExecContext context) {
        Object value;
        if (plan == null) {
            value = context.parameter(parameter);
            if (value != null && !parameterType.equals(columnType)) {
                value = Casts.cast(value, parameterType, columnType, context.formatSettings());
            }
        } else {
            Object[] c = cached;
            if (c == null) {
                List<Object[]> rows = OperatorFactory.drain(operators.create(plan, context));
                c = rows.getFirst();
                if (constant) {
                    cached = c;
                }
            }
            value = c[0];
        }
        return value;
    }

    static ShaleException nullPartitionValue() {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot perform an INSERT with NULL in the partition column");
    }
}
