package io.shale.grammar.ast;

/** CYCLE or NO CYCLE. */
public record SequenceCycle(boolean cycle) implements SequenceOption {
}
