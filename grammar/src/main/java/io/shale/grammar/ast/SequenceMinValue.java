package io.shale.grammar.ast;

/** MINVALUE n, or NO MINVALUE when null. Nullable components: value. */
public record SequenceMinValue(Long value) implements SequenceOption {
}
