package io.shale.grammar.ast;

/** The unit of a window frame. */
public enum FrameMode {
    ROWS, RANGE, GROUPS
}
