package io.shale.grammar.ast;

/** A binary boolean connective. */
public enum LogicalOperator {
    AND, OR
}
