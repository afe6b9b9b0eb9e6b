package io.shale.grammar.ast;

/** A transaction isolation level. */
public enum IsolationLevel {
    SERIALIZABLE, REPEATABLE_READ, READ_COMMITTED, READ_UNCOMMITTED
}
