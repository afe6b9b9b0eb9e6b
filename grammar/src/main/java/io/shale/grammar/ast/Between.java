package io.shale.grammar.ast;

import java.util.Objects;

/** [NOT] BETWEEN [SYMMETRIC]. */
public record Between(boolean negated, boolean symmetric, Expression value, Expression lower, Expression upper, int position) implements Expression {
    public Between {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
    }
}
