package io.shale.grammar.ast;

/** INCREMENT [BY] n. */
public record SequenceIncrement(long value) implements SequenceOption {
}
