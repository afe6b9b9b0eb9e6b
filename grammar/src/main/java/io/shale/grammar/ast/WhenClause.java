package io.shale.grammar.ast;

import java.util.Objects;

/** One WHEN ... THEN ... branch of CASE. */
public record WhenClause(Expression condition, Expression result) {
    public WhenClause {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(result, "result");
    }
}
