package io.shale.grammar.ast;

import java.util.List;

/** ARRAY[...]; nested brackets are nested array constructors. */
public record ArrayConstructor(List<Expression> elements, int position) implements Expression {
    public ArrayConstructor {
        elements = List.copyOf(elements);
    }
}
