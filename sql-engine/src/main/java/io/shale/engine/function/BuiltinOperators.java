package io.shale.engine.function;

/** Registers every family of built-in operators. */
final class BuiltinOperators {
    private BuiltinOperators() {
    }

    static void registerAll(OperatorRegistrar r) {
        ArithmeticOperators.register(r);
        ComparisonOperators.register(r);
        TextOperators.register(r);
        DateTimeOperators.register(r);
        ArrayOperators.register(r);
        JsonOperators.register(r);
        InetFunctions.register(r);
    }
}
