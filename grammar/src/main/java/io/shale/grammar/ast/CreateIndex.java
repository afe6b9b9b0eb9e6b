package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A CREATE INDEX statement. Nullable components: name, method, where. */
public record CreateIndex(String name, QualifiedName table, boolean unique, boolean concurrently, boolean ifNotExists, boolean only, String method, List<IndexElement> elements, List<String> include, List<Property> options, Expression where) implements Statement {
    public CreateIndex {
        Objects.requireNonNull(table, "table");
        elements = List.copyOf(elements);
        include = List.copyOf(include);
        options = List.copyOf(options);
    }
}
