package io.shale.grammar.ast;

/** MAXVALUE n, or NO MAXVALUE when null. Nullable components: value. */
public record SequenceMaxValue(Long value) implements SequenceOption {
}
