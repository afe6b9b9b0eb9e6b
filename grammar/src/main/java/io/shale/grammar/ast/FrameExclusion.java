package io.shale.grammar.ast;

/** The EXCLUDE option of a window frame. */
public enum FrameExclusion {
    NO_OTHERS, CURRENT_ROW, GROUP, TIES
}
