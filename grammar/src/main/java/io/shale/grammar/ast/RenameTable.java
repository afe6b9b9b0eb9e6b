package io.shale.grammar.ast;

import java.util.Objects;

/** RENAME TO name. */
public record RenameTable(String newName) implements AlterTableAction {
    public RenameTable {
        Objects.requireNonNull(newName, "newName");
    }
}
