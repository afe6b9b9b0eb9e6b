package io.shale.engine.function;

/**
 * A scalar function's body. Arguments arrive already coerced to the declared argument types of
 * the resolved signature. For a strict function the engine never calls it with a null argument.
 */
@FunctionalInterface
public interface ScalarFunction {
    Object apply(EvalContext context, Object[] arguments);
}
