package io.shale.grammar.ast;

/** A statement that may be prepared, explained, used in WITH or in COPY: SELECT, INSERT, UPDATE or DELETE. */
public sealed interface PreparableStatement extends Statement
        permits Query,
                Insert,
                Update,
                Delete {
}
