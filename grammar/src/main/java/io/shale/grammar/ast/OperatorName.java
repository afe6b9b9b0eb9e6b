package io.shale.grammar.ast;

import java.util.Objects;

/**
 * An operator symbol such as {@code +} or {@code ~}, with the schema given by
 * {@code OPERATOR(schema.op)} syntax; the schema is null for a bare operator.
 */
public record OperatorName(String schema, String symbol) {
    public OperatorName {
        Objects.requireNonNull(symbol, "symbol");
    }

    /** Returns the unqualified operator with the given symbol. */
    public static OperatorName of(String symbol) {
        return new OperatorName(null, symbol);
    }

    @Override
    public String toString() {
        return schema == null ? symbol : "OPERATOR(" + schema + "." + symbol + ")";
    }
}
