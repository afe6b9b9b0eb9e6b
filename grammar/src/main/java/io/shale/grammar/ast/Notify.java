package io.shale.grammar.ast;

import java.util.Objects;

/** A NOTIFY statement. Nullable components: payload. */
public record Notify(String channel, String payload) implements Statement {
    public Notify {
        Objects.requireNonNull(channel, "channel");
    }
}
