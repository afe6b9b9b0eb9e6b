package io.shale.grammar.ast;

import java.util.Objects;

/** A key of an index, a conflict target or a partition key: either a column name or an expression. Nullable components: column, expression, collation, operatorClass. */
public record IndexElement(String column, Expression expression, QualifiedName collation, QualifiedName operatorClass, SortOrder order, NullOrdering nullOrdering) {
    public IndexElement {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(nullOrdering, "nullOrdering");
    }
}
