package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** An UPDATE statement. Nullable components: with, alias, where. */
public record Update(With with, QualifiedName table, boolean only, String alias, List<SetClause> assignments, List<Relation> from, Expression where, List<SelectItem> returning, int position) implements PreparableStatement {
    public Update {
        Objects.requireNonNull(table, "table");
        assignments = List.copyOf(assignments);
        from = List.copyOf(from);
        returning = List.copyOf(returning);
    }
}
