package io.shale.grammar.ast;

/** RESTART [[WITH] n]; null restarts at the start value. Nullable components: value. */
public record SequenceRestart(Long value) implements SequenceOption {
}
