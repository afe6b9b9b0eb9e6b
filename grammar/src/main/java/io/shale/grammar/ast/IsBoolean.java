package io.shale.grammar.ast;

import java.util.Objects;

/** IS [NOT] TRUE/FALSE/UNKNOWN. */
public record IsBoolean(Expression value, BooleanTestKind test, boolean negated, int position) implements Expression {
    public IsBoolean {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(test, "test");
    }
}
