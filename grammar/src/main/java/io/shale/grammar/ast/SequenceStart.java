package io.shale.grammar.ast;

/** START [WITH] n. */
public record SequenceStart(long value) implements SequenceOption {
}
