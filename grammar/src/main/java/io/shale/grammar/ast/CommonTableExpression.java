package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** One common table expression of a WITH clause. */
public record CommonTableExpression(String name, List<String> columns, CteMaterialization materialization, PreparableStatement statement) {
    public CommonTableExpression {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(materialization, "materialization");
        Objects.requireNonNull(statement, "statement");
    }
}
