package io.shale.grammar.ast;

import java.util.List;

/** A CASE expression; simple when operand is set, searched otherwise. Nullable components: operand, elseResult. */
public record Case(Expression operand, List<WhenClause> whenClauses, Expression elseResult, int position) implements Expression {
    public Case {
        whenClauses = List.copyOf(whenClauses);
    }
}
