package io.shale.grammar.ast;

import java.util.List;

/** A CREATE SCHEMA statement with its optional schema elements. Nullable components: name, authorization. */
public record CreateSchema(String name, boolean ifNotExists, RoleSpecification authorization, List<Statement> elements) implements Statement {
    public CreateSchema {
        elements = List.copyOf(elements);
    }
}
