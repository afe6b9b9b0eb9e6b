package io.shale.grammar.ast;

/** The value tested by IS [NOT] TRUE/FALSE/UNKNOWN. */
public enum BooleanTestKind {
    TRUE, FALSE, UNKNOWN
}
