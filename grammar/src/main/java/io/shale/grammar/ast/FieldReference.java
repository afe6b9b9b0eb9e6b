package io.shale.grammar.ast;

import java.util.Objects;

/** Field selection (expression).field. */
public record FieldReference(Expression base, String field, int position) implements Expression {
    public FieldReference {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(field, "field");
    }
}
