package io.shale.grammar.ast;

import java.util.List;

/** Join criteria USING (columns). */
public record JoinUsing(List<String> columns) implements JoinCriteria {
    public JoinUsing {
        columns = List.copyOf(columns);
    }
}
