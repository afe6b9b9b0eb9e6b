package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A TRUNCATE statement. */
public record Truncate(List<QualifiedName> tables, boolean only, boolean restartIdentity, DropBehavior behavior) implements Statement {
    public Truncate {
        tables = List.copyOf(tables);
        Objects.requireNonNull(behavior, "behavior");
    }
}
