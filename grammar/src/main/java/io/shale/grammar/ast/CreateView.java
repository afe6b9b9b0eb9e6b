package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A CREATE [OR REPLACE] VIEW statement. */
public record CreateView(QualifiedName name, boolean orReplace, Persistence persistence, List<String> columns, List<Property> options, Query query) implements Statement {
    public CreateView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(persistence, "persistence");
        columns = List.copyOf(columns);
        options = List.copyOf(options);
        Objects.requireNonNull(query, "query");
    }
}
