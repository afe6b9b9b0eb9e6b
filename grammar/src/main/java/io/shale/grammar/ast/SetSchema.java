package io.shale.grammar.ast;

import java.util.Objects;

/** SET SCHEMA name. */
public record SetSchema(String schema) implements AlterTableAction {
    public SetSchema {
        Objects.requireNonNull(schema, "schema");
    }
}
