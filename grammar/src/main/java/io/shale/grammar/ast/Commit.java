package io.shale.grammar.ast;

/** A COMMIT or END statement. */
public record Commit(boolean chain) implements Statement {
}
