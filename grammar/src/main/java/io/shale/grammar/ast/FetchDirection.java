package io.shale.grammar.ast;

/** The direction of FETCH/MOVE after normalisation (NEXT is FORWARD 1, LAST is ABSOLUTE -1...). */
public enum FetchDirection {
    FORWARD, BACKWARD, ABSOLUTE, RELATIVE
}
