package io.shale.engine.function;

/** pg_proc.provolatile: whether a function's result may change within a statement or transaction. */
public enum Volatility {
    IMMUTABLE('i'), STABLE('s'), VOLATILE('v');

    private final char code;

    Volatility(char code) {
        this.code = code;
    }

    /** The one-letter code of pg_proc.provolatile. */
    public char code() {
        return code;
    }
}
