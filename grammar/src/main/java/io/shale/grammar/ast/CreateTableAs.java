package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A CREATE TABLE ... AS query statement. Nullable components: accessMethod. */
public record CreateTableAs(QualifiedName name, Persistence persistence, boolean ifNotExists, List<String> columns, String accessMethod, List<Property> options, Query query, boolean withData) implements Statement {
    public CreateTableAs {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(persistence, "persistence");
        columns = List.copyOf(columns);
        options = List.copyOf(options);
        Objects.requireNonNull(query, "query");
    }
}
