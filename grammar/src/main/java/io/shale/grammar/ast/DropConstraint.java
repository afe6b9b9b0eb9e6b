package io.shale.grammar.ast;

import java.util.Objects;

/** DROP CONSTRAINT [IF EXISTS] name. */
public record DropConstraint(String name, boolean ifExists, DropBehavior behavior) implements AlterTableAction {
    public DropConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(behavior, "behavior");
    }
}
