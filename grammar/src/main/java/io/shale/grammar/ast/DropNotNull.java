package io.shale.grammar.ast;

import java.util.Objects;

/** ALTER [COLUMN] c DROP NOT NULL. */
public record DropNotNull(String column) implements AlterTableAction {
    public DropNotNull {
        Objects.requireNonNull(column, "column");
    }
}
