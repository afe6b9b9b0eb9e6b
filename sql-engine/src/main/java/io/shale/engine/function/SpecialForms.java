package io.shale.engine.function;

/**
 * Bodies of the expressions the analyzer resolves itself rather than through pg_proc:
 * GREATEST and LEAST over arguments already cast to their common type (nulls ignored).
 */
public final class SpecialForms {
    private SpecialForms() {
    }

    /** GREATEST(a, b, ...): the largest non-null argument, null when all are null. */
    public static ScalarFunction greatest() {
        return (c, a) -> extreme(a, 1);
    }

    /** LEAST(a, b, ...): the smallest non-null argument, null when all are null. */
    public static ScalarFunction least() {
        return (c, a) -> extreme(a, -1);
    }

    private static Object extreme(Object[] a, int sign) {
        Object best = null;
        for (Object o : a) {
            if (o != null && (best == null || ValueOrder.compareUntyped(o, best) * sign > 0)) {
                best = o;
            }
        }
        return best;
    }
}
