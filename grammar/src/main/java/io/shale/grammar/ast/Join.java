package io.shale.grammar.ast;

import java.util.Objects;

/** A join of two FROM items; criteria is null for CROSS JOIN. Nullable components: criteria. */
public record Join(JoinType type, Relation left, Relation right, JoinCriteria criteria) implements Relation {
    public Join {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }
}
