package io.shale.grammar.ast;

/** What a row lock does when the row is already locked. */
public enum LockWaitPolicy {
    WAIT, NOWAIT, SKIP_LOCKED
}
