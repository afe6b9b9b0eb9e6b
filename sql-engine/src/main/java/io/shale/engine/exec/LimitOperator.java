package io.shale.engine.exec;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.plan.PlanNode;

/** LIMIT and OFFSET, evaluated once when the operator opens. */
final class LimitOperator {
    private LimitOperator() {
    }

    static Operator open(PlanNode.Limit node, OperatorFactory factory, ExecContext ctx) {
        long limit = bound(factory.evaluator(node.limit()), ctx, true);
        long offset = bound(factory.evaluator(node.offset()), ctx, false);
        Operator input = factory.create(node.input(), ctx);
        return new Operator() {
            long skipped;
            long produced;

            @Override
            public Object[] next() {
                while (skipped < offset) {
                    if (input.next() == null) {
                        return null;
                    }
                    skipped++;
                }
                if (limit >= 0 && produced >= limit) {
                    return null;
                }
                Object[] row = input.next();
                if (row != null) {
                    produced++;
                }
                return row;
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    private static long bound(Evaluator e, ExecContext ctx, boolean isLimit) {
        if (e == null) {
            return isLimit ? -1 : 0;
        }
        Object v = e.eval(null, ctx);
        if (v == null) {
            return isLimit ? -1 : 0;
        }
        long n = ((Number) v).longValue();
        if (n < 0) {
            throw isLimit
                    ? new ShaleException(ErrorCode.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE, "LIMIT must not be negative")
                    : new ShaleException(ErrorCode.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE, "OFFSET must not be negative");
        }
        return n;
    }
}
