package io.shale.engine.plan;

/** One ORDER BY key: an expression over the input row, direction and null placement. */
public record SortKey(Expr expression, boolean descending, boolean nullsFirst) {
}
