package io.shale.grammar.ast;

/** The direction of a sort key. */
public enum SortOrder {
    ASC, DESC
}
