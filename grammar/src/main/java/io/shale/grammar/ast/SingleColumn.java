package io.shale.grammar.ast;

import java.util.Objects;

/** A select-list expression with its optional alias. Nullable components: alias. */
public record SingleColumn(Expression expression, String alias) implements SelectItem {
    public SingleColumn {
        Objects.requireNonNull(expression, "expression");
    }
}
