package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A CREATE TABLE statement. Nullable components: partitionBy, accessMethod. */
public record CreateTable(QualifiedName name, Persistence persistence, boolean ifNotExists, List<TableElement> elements, List<QualifiedName> inherits, PartitionSpec partitionBy, String accessMethod, List<Property> options) implements Statement {
    public CreateTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(persistence, "persistence");
        elements = List.copyOf(elements);
        inherits = List.copyOf(inherits);
        options = List.copyOf(options);
    }
}
