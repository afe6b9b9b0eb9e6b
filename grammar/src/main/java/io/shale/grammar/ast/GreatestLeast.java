package io.shale.grammar.ast;

import java.util.List;

/** GREATEST(...) or LEAST(...). */
public record GreatestLeast(boolean greatest, List<Expression> operands, int position) implements Expression {
    public GreatestLeast {
        operands = List.copyOf(operands);
    }
}
