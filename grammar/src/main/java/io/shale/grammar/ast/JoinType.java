package io.shale.grammar.ast;

/** The kind of a join. */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, CROSS
}
