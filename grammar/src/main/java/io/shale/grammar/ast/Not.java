package io.shale.grammar.ast;

import java.util.Objects;

/** NOT. */
public record Not(Expression operand, int position) implements Expression {
    public Not {
        Objects.requireNonNull(operand, "operand");
    }
}
