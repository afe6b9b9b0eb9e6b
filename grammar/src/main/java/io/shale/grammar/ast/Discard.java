package io.shale.grammar.ast;

import java.util.Objects;

/** A DISCARD statement. */
public record Discard(DiscardTarget target) implements Statement {
    public Discard {
        Objects.requireNonNull(target, "target");
    }
}
