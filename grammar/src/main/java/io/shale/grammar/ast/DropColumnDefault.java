package io.shale.grammar.ast;

import java.util.Objects;

/** ALTER [COLUMN] c DROP DEFAULT. */
public record DropColumnDefault(String column) implements AlterTableAction {
    public DropColumnDefault {
        Objects.requireNonNull(column, "column");
    }
}
