package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** An ALTER TABLE statement with its actions. */
public record AlterTable(QualifiedName name, boolean ifExists, boolean only, List<AlterTableAction> actions) implements Statement {
    public AlterTable {
        Objects.requireNonNull(name, "name");
        actions = List.copyOf(actions);
    }
}
