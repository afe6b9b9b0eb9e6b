package io.shale.grammar.ast;

import java.util.Objects;

/** ALTER [COLUMN] c SET NOT NULL. */
public record SetNotNull(String column) implements AlterTableAction {
    public SetNotNull {
        Objects.requireNonNull(column, "column");
    }
}
