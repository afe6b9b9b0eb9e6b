package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** [NOT] IN (list). */
public record InList(Expression value, List<Expression> list, boolean negated, int position) implements Expression {
    public InList {
        Objects.requireNonNull(value, "value");
        list = List.copyOf(list);
    }
}
