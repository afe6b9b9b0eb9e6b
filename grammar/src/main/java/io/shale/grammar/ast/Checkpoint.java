package io.shale.grammar.ast;

/** A CHECKPOINT statement. */
public record Checkpoint() implements Statement {
}
