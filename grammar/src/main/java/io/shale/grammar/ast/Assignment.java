package io.shale.grammar.ast;

import java.util.Objects;

/** column = value. */
public record Assignment(String column, Expression value) implements SetClause {
    public Assignment {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
    }
}
