package io.shale.grammar.ast;

/** The [NO] SCROLL option of DECLARE. */
public enum CursorScroll {
    DEFAULT, SCROLL, NO_SCROLL
}
