package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A PREPARE statement. */
public record Prepare(String name, List<TypeName> parameterTypes, PreparableStatement statement) implements Statement {
    public Prepare {
        Objects.requireNonNull(name, "name");
        parameterTypes = List.copyOf(parameterTypes);
        Objects.requireNonNull(statement, "statement");
    }
}
