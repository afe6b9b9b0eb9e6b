package io.shale.grammar.ast;

import java.util.Objects;

/** NULLIF(a, b). */
public record NullIf(Expression first, Expression second, int position) implements Expression {
    public NullIf {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }
}
