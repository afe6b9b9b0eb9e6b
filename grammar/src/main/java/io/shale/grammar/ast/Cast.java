package io.shale.grammar.ast;

import java.util.Objects;

/** CAST(x AS t) or x::t. */
public record Cast(Expression expression, TypeName type, int position) implements Expression {
    public Cast {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(type, "type");
    }
}
