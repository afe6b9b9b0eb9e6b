package io.shale.grammar.ast;

import java.util.Objects;

/** A sort key of ORDER BY. */
public record SortItem(Expression expression, SortOrder order, NullOrdering nullOrdering) {
    public SortItem {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(nullOrdering, "nullOrdering");
    }
}
