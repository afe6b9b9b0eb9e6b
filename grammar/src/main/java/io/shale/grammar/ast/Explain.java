package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** An EXPLAIN statement; ANALYZE and VERBOSE without parentheses become options. */
public record Explain(List<Property> options, Statement statement) implements Statement {
    public Explain {
        options = List.copyOf(options);
        Objects.requireNonNull(statement, "statement");
    }
}
