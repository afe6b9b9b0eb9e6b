package io.shale.grammar.ast;

/** What DISCARD throws away. */
public enum DiscardTarget {
    ALL, PLANS, SEQUENCES, TEMP
}
