package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** An EXECUTE statement. */
public record Execute(String name, List<Expression> parameters) implements Statement {
    public Execute {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
    }
}
