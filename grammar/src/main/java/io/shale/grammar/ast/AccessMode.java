package io.shale.grammar.ast;

/** READ ONLY or READ WRITE. */
public record AccessMode(boolean readOnly) implements TransactionMode {
}
