package io.shale.grammar.ast;

import java.util.List;

/** A VALUES list. */
public record Values(List<List<Expression>> rows) implements QueryBody {
    public Values {
        rows = rows.stream().map(List::copyOf).toList();
    }
}
