package io.shale.grammar.ast;

/** An UNLISTEN statement; a null channel means *. Nullable components: channel. */
public record Unlisten(String channel) implements Statement {
}
