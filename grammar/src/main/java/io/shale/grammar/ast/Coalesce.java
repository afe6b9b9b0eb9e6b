package io.shale.grammar.ast;

import java.util.List;

/** COALESCE(...). */
public record Coalesce(List<Expression> operands, int position) implements Expression {
    public Coalesce {
        operands = List.copyOf(operands);
    }
}
