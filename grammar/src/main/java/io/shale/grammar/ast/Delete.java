package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A DELETE statement. Nullable components: with, alias, where. */
public record Delete(With with, QualifiedName table, boolean only, String alias, List<Relation> using, Expression where, List<SelectItem> returning, int position) implements PreparableStatement {
    public Delete {
        Objects.requireNonNull(table, "table");
        using = List.copyOf(using);
        returning = List.copyOf(returning);
    }
}
