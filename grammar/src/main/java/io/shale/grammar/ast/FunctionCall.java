package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A function, aggregate or window function call; star is count(*), variadic marks the last argument. Nullable components: filter, window. */
public record FunctionCall(QualifiedName name, List<Expression> arguments, boolean distinct, boolean star, boolean variadic, List<SortItem> orderBy, boolean withinGroup, Expression filter, WindowSpecification window, int position) implements Expression {
    public FunctionCall {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        orderBy = List.copyOf(orderBy);
    }
}
