package io.shale.grammar.ast;

import java.util.Objects;

/** ISOLATION LEVEL level. */
public record IsolationLevelMode(IsolationLevel level) implements TransactionMode {
    public IsolationLevelMode {
        Objects.requireNonNull(level, "level");
    }
}
