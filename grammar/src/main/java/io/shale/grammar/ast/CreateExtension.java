package io.shale.grammar.ast;

import java.util.Objects;

/** A CREATE EXTENSION statement. Nullable components: schema, version. */
public record CreateExtension(String name, boolean ifNotExists, String schema, String version, boolean cascade) implements Statement {
    public CreateExtension {
        Objects.requireNonNull(name, "name");
    }
}
