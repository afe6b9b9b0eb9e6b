package io.shale.grammar.ast;

/** CACHE n. */
public record SequenceCache(long value) implements SequenceOption {
}
