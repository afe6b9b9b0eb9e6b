package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A DROP TABLE/VIEW/INDEX/SEQUENCE/SCHEMA/TYPE/EXTENSION statement. */
public record DropObjects(ObjectType type, List<QualifiedName> names, boolean ifExists, boolean concurrently, DropBehavior behavior) implements Statement {
    public DropObjects {
        Objects.requireNonNull(type, "type");
        names = List.copyOf(names);
        Objects.requireNonNull(behavior, "behavior");
    }
}
