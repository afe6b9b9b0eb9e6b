package io.shale.grammar.ast;

import java.util.Objects;

/** VALID UNTIL 'timestamp'. */
public record ValidUntil(String timestamp) implements RoleOption {
    public ValidUntil {
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
