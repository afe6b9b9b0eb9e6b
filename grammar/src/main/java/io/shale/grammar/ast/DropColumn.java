package io.shale.grammar.ast;

import java.util.Objects;

/** DROP [COLUMN] [IF EXISTS]. */
public record DropColumn(String column, boolean ifExists, DropBehavior behavior) implements AlterTableAction {
    public DropColumn {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(behavior, "behavior");
    }
}
