package io.shale.grammar.ast;

import java.util.Objects;

/** t.* used as an expression, e.g. as a function argument. */
public record QualifiedStar(QualifiedName qualifier, int position) implements Expression {
    public QualifiedStar {
        Objects.requireNonNull(qualifier, "qualifier");
    }
}
