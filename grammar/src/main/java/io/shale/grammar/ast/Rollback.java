package io.shale.grammar.ast;

/** A ROLLBACK or ABORT statement. */
public record Rollback(boolean chain) implements Statement {
}
