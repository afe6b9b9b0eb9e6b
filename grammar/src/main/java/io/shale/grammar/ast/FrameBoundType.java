package io.shale.grammar.ast;

/** The kind of a window frame bound. */
public enum FrameBoundType {
    UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
}
