package io.shale.grammar.ast;

import java.util.Objects;

/** RENAME [COLUMN] a TO b. */
public record RenameColumn(String column, String newName) implements AlterTableAction {
    public RenameColumn {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(newName, "newName");
    }
}
