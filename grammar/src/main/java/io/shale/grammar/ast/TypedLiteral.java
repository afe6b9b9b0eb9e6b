package io.shale.grammar.ast;

import java.util.Objects;

/** A typed string constant such as date '2020-01-01' or interval '1 day'. */
public record TypedLiteral(TypeName type, String value, int position) implements Expression {
    public TypedLiteral {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
