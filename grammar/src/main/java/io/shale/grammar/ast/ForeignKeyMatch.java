package io.shale.grammar.ast;

/** The MATCH option of a foreign key. */
public enum ForeignKeyMatch {
    SIMPLE, FULL, PARTIAL
}
