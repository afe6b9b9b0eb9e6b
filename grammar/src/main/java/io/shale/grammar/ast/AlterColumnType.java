package io.shale.grammar.ast;

import java.util.Objects;

/** ALTER [COLUMN] c [SET DATA] TYPE t [COLLATE c] [USING expression]. Nullable components: collation, using. */
public record AlterColumnType(String column, TypeName type, QualifiedName collation, Expression using) implements AlterTableAction {
    public AlterColumnType {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
    }
}
