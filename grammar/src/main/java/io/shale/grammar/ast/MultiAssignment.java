package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** (a, b) = (row or subquery). */
public record MultiAssignment(List<String> columns, Expression value) implements SetClause {
    public MultiAssignment {
        columns = List.copyOf(columns);
        Objects.requireNonNull(value, "value");
    }
}
