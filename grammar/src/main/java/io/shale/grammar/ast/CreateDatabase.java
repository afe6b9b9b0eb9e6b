package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A CREATE DATABASE statement. */
public record CreateDatabase(String name, List<Property> options) implements Statement {
    public CreateDatabase {
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
    }
}
