package io.shale.grammar.ast;

/** OWNED BY table.column, or OWNED BY NONE when null. Nullable components: column. */
public record SequenceOwnedBy(QualifiedName column) implements SequenceOption {
}
