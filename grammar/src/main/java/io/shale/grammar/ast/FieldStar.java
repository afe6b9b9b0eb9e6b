package io.shale.grammar.ast;

import java.util.Objects;

/** All fields of a composite value: (expression).*. */
public record FieldStar(Expression base, int position) implements Expression {
    public FieldStar {
        Objects.requireNonNull(base, "base");
    }
}
