package io.shale.grammar.ast;

/** Where NULLs sort; DEFAULT means as the direction implies. */
public enum NullOrdering {
    DEFAULT, FIRST, LAST
}
