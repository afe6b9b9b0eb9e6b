package io.shale.engine.function;

/** Registers every family of built-in functions. */
final class BuiltinFunctions {
    private BuiltinFunctions() {
    }

    static void registerAll(Registrar r) {
        MathFunctions.register(r);
        StringFunctions.register(r);
        RegexFunctions.register(r);
        DateTimeFunctions.register(r);
        ArrayFunctions.register(r);
        FormattingFunctions.register(r);
        JsonFunctions.register(r);
        SystemFunctions.register(r);
        InetFunctions.register(r);
        SeriesFunctions.register(r);
        GeneralAggregates.register(r);
        NumericAggregates.register(r);
        OrderedSetAggregates.register(r);
        WindowFunctions.register(r);
    }
}
