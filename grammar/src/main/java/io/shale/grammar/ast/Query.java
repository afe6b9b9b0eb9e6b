package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A query: SELECT, VALUES or set operations with WITH, ORDER BY, LIMIT/OFFSET/FETCH and locking clauses. Nullable components: with, limit, offset. */
public record Query(With with, QueryBody body, List<SortItem> orderBy, Expression limit, Expression offset, List<LockingClause> locking) implements PreparableStatement, QueryBody {
    public Query {
        Objects.requireNonNull(body, "body");
        orderBy = List.copyOf(orderBy);
        locking = List.copyOf(locking);
    }
}
