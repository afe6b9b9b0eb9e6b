package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A CREATE TYPE ... AS ENUM statement. */
public record CreateEnumType(QualifiedName name, List<String> labels) implements Statement {
    public CreateEnumType {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
    }
}
