package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** An INSERT statement; a null source means DEFAULT VALUES. Nullable components: with, alias, source, onConflict. */
public record Insert(With with, QualifiedName table, String alias, List<String> columns, Query source, OnConflict onConflict, List<SelectItem> returning, int position) implements PreparableStatement {
    public Insert {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        returning = List.copyOf(returning);
    }
}
