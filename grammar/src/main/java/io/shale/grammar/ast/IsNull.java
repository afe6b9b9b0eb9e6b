package io.shale.grammar.ast;

import java.util.Objects;

/** IS [NOT] NULL, ISNULL or NOTNULL. */
public record IsNull(Expression value, boolean negated, int position) implements Expression {
    public IsNull {
        Objects.requireNonNull(value, "value");
    }
}
