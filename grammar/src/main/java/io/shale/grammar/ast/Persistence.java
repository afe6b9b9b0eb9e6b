package io.shale.grammar.ast;

/** The persistence of a created table, sequence or view. */
public enum Persistence {
    PERMANENT, UNLOGGED, TEMPORARY
}
