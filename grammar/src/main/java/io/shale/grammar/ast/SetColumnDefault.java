package io.shale.grammar.ast;

import java.util.Objects;

/** ALTER [COLUMN] c SET DEFAULT value. */
public record SetColumnDefault(String column, Expression value) implements AlterTableAction {
    public SetColumnDefault {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
    }
}
