package io.shale.grammar.ast;

import java.util.Objects;

/** A SQL-standard niladic function such as CURRENT_TIMESTAMP(3); precision is -1 when absent. */
public record CurrentValue(CurrentValueKind kind, int precision, int position) implements Expression {
    public CurrentValue {
        Objects.requireNonNull(kind, "kind");
    }
}
