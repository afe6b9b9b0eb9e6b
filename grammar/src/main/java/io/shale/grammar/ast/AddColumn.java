package io.shale.grammar.ast;

import java.util.Objects;

/** ADD [COLUMN] [IF NOT EXISTS]. */
public record AddColumn(ColumnDefinition column, boolean ifNotExists) implements AlterTableAction {
    public AddColumn {
        Objects.requireNonNull(column, "column");
    }
}
