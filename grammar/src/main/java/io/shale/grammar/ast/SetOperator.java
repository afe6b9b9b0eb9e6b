package io.shale.grammar.ast;

/** A set operator between two query bodies. */
public enum SetOperator {
    UNION, INTERSECT, EXCEPT
}
