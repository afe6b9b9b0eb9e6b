package io.shale.grammar.ast;

import java.util.Objects;

/** A DROP DATABASE statement. */
public record DropDatabase(String name, boolean ifExists, boolean force) implements Statement {
    public DropDatabase {
        Objects.requireNonNull(name, "name");
    }
}
