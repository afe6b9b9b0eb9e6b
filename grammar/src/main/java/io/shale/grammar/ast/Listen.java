package io.shale.grammar.ast;

import java.util.Objects;

/** A LISTEN statement. */
public record Listen(String channel) implements Statement {
    public Listen {
        Objects.requireNonNull(channel, "channel");
    }
}
