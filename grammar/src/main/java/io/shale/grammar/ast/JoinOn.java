package io.shale.grammar.ast;

import java.util.Objects;

/** Join criteria ON condition. */
public record JoinOn(Expression condition) implements JoinCriteria {
    public JoinOn {
        Objects.requireNonNull(condition, "condition");
    }
}
