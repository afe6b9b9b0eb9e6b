package io.shale.engine.function;

import io.shale.common.types.SqlType;

import java.util.List;

/**
 * A scalar function's body. Arguments arrive already coerced to the declared argument types of
 * the resolved signature. For a strict function the engine never calls it with a null argument.
 */
@FunctionalInterface
public interface ScalarFunction {
    Object apply(EvalContext context, Object[] arguments);

    /**
     * The body to use for calls with these resolved argument types (one per actual argument).
     * The engine calls it once when it plans a call; functions whose behaviour depends on an
     * argument's type (json versus text under {@code "any"}) return a specialised body.
     */
    default ScalarFunction specialize(List<SqlType> argumentTypes) {
        return this;
    }

    /** A body that is chosen by the argument types of each call site. */
    static ScalarFunction byArgumentTypes(java.util.function.Function<List<SqlType>, ScalarFunction> binder,
                                          ScalarFunction fallback) {
        return new ScalarFunction() {
            @Override
            public Object apply(EvalContext context, Object[] arguments) {
                return fallback.apply(context, arguments);
            }

            @Override
            public ScalarFunction specialize(List<SqlType> argumentTypes) {
                return binder.apply(argumentTypes);
            }
        };
    }
}
