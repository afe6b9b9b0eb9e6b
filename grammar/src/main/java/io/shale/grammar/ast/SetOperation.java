package io.shale.grammar.ast;

import java.util.Objects;

/** A UNION, INTERSECT or EXCEPT of two query bodies. */
public record SetOperation(SetOperator operator, boolean all, QueryBody left, QueryBody right) implements QueryBody {
    public SetOperation {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }
}
