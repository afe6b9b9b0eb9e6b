package io.shale.grammar.ast;

import java.util.List;

/** A SELECT block without ORDER BY/LIMIT, which belong to Query. Nullable components: where, having. */
public record QuerySpecification(boolean distinct, List<Expression> distinctOn, List<SelectItem> selectItems, List<Relation> from, Expression where, List<Expression> groupBy, Expression having, List<WindowDefinition> windows) implements QueryBody {
    public QuerySpecification {
        distinctOn = List.copyOf(distinctOn);
        selectItems = List.copyOf(selectItems);
        from = List.copyOf(from);
        groupBy = List.copyOf(groupBy);
        windows = List.copyOf(windows);
    }
}
