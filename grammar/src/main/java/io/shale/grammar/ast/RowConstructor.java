package io.shale.grammar.ast;

import java.util.List;

/** ROW(...) or (a, b). */
public record RowConstructor(List<Expression> fields, int position) implements Expression {
    public RowConstructor {
        fields = List.copyOf(fields);
    }
}
