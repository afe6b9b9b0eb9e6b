package io.shale.engine.distributed;

import io.shale.common.error.ShaleException;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.AliasedRelation;
import io.shale.grammar.ast.AllColumns;
import io.shale.grammar.ast.CommonTableExpression;
import io.shale.grammar.ast.CteMaterialization;
import io.shale.grammar.ast.Exists;
import io.shale.grammar.ast.InSubquery;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.QueryBody;
import io.shale.grammar.ast.QuerySpecification;
import io.shale.grammar.ast.Relation;
import io.shale.grammar.ast.ScalarSubquery;
import io.shale.grammar.ast.SetOperation;
import io.shale.grammar.ast.SubqueryRelation;
import io.shale.grammar.ast.Table;
import io.shale.grammar.ast.With;

import java.util.ArrayList;
import java.util.List;

/**
 * The AST side of Citus's recursive planning: CTEs inlined where they are read (as PostgreSQL 12+ does for
 * non-materialized ones), and the subqueries of a block that cannot run shard by shard replaced by placeholders of
 * {@link Intermediates}, planned on their own.
 */
final class RecursivePlanner {
    private final PlanningContext context;
    private final SelectPlanner selects;
    private final Intermediates intermediates;

    RecursivePlanner(PlanningContext context, SelectPlanner selects, Intermediates intermediates) {
        this.context = context;
        this.selects = selects;
        this.intermediates = intermediates;
    }

    /** The query with its non-recursive, non-materialized SELECT CTEs inlined; itself when it has none. */
    static Query inlineCtes(Query query) {
        With with = query.with();
        if (with == null || with.recursive()) {
            return query;
        }
        List<CommonTableExpression> kept = new ArrayList<>();
        Query body = new Query(null, query.body(), query.orderBy(), query.limit(), query.offset(), query.locking());
        for (CommonTableExpression cte : with.tables().reversed()) {
            if (!(cte.statement() instanceof Query q) || cte.materialization() == CteMaterialization.MATERIALIZED) {
                kept.addFirst(cte);
                continue;
            }
            body = AstNodes.rewrite(body, node -> {
                if (node instanceof AliasedRelation a && a.relation() instanceof Table t && isCte(t, cte)) {
                    return new AliasedRelation(new SubqueryRelation(q, false), a.alias(),
                            a.columnAliases().isEmpty() ? cte.columns() : a.columnAliases());
                }
                if (node instanceof Table t && isCte(t, cte)) {
                    return new AliasedRelation(new SubqueryRelation(q, false), cte.name(), cte.columns());
                }
                return node;
            });
        }
        return new Query(kept.isEmpty() ? null : new With(false, kept), body.body(), body.orderBy(), body.limit(),
                body.offset(), body.locking());
    }

    private static boolean isCte(Table t, CommonTableExpression cte) {
        return t.name().parts().size() == 1 && t.name().last().equals(cte.name());
    }

    /**
     * The query with the subqueries over distributed tables that stop it from running shard by shard replaced by
     * placeholders; {@code failure} is rethrown when there is none, or one is correlated.
     */
    Query replace(Query query, ShaleException failure) {
        QueryBody body = switch (query.body()) {
            case QuerySpecification spec -> block(spec, failure);
            case SetOperation set -> setOperation(set, failure);
            default -> throw failure;
        };
        return new Query(query.with(), body, query.orderBy(), query.limit(), query.offset(), query.locking());
    }

    private QueryBody setOperation(SetOperation set, ShaleException failure) {
        return new SetOperation(set.operator(), set.all(), branch(set.left(), failure), branch(set.right(), failure));
    }

    private QueryBody branch(QueryBody body, ShaleException failure) {
        if (body instanceof SetOperation s) {
            return setOperation(s, failure);
        }
        Query q = body instanceof Query query ? query : new Query(null, body, List.of(), null, null, List.of());
        if (!hasCitusTables(q)) {
            return body;
        }
        return placeholder(q, failure);
    }

    private QueryBody block(QuerySpecification original, ShaleException failure) {
        QuerySpecification spec = failure.getMessage().equals(DistributedPlanner.complexJoins().getMessage())
                ? singleShardGroups(original, failure) : original;
        return AstNodes.rewrite(spec, node -> {
            if (node == spec) {
                return node;
            }
            return switch (node) {
                case SubqueryRelation s when selects.countHashOccurrences(s.query()) > 0 && !pushable(s.query()) ->
                        new SubqueryRelation(placeholder(s.query(), failure), s.lateral());
                case InSubquery in when hasCitusTables(in.query()) ->
                        new InSubquery(in.value(), placeholder(in.query(), failure), in.negated(), in.position());
                case ScalarSubquery sq when hasCitusTables(sq.query()) ->
                        new ScalarSubquery(placeholder(sq.query(), failure), sq.position());
                case Exists e when hasCitusTables(e.query()) -> new Exists(placeholder(e.query(), failure), e.position());
                default -> node;
            };
        });
    }

    /**
     * Tables of different single-shard groups joined in one FROM (the tables of two distributed schemas, or
     * single-shard tables of their own groups): every one outside the first one's group is read first, whole, as
     * an intermediate result, as Citus's recursive planning does.
     */
    private QuerySpecification singleShardGroups(QuerySpecification spec, ShaleException failure) {
        int[] anchor = {-1};
        List<Relation> from = AstNodes.rewrite(spec.from(), node -> switch (node) {
            case SubqueryRelation s -> readFirst(s, anchor, failure);
            case AliasedRelation a when a.relation() instanceof Table t ->
                    readFirst(t, a.alias(), a.columnAliases(), anchor, node, failure);
            case Table t -> readFirst(t, t.name().last(), List.of(), anchor, node, failure);
            default -> node;
        });
        return new QuerySpecification(spec.distinct(), spec.distinctOn(), spec.selectItems(), from, spec.where(),
                spec.groupBy(), spec.having(), spec.windows());
    }

    /** A FROM subquery over one single-shard group: read first when that is not the anchor's group. */
    private SubqueryRelation readFirst(SubqueryRelation s, int[] anchor, ShaleException failure) {
        int group = -1;
        for (ShardedTable t : DistributedPlanner.tables(s.query(), context).sharded().values()) {
            if (t.isHash() || group != -1 && group != t.colocationId() && !t.isReference()) {
                return new SubqueryRelation(s.query(), s.lateral());
            }
            if (!t.isReference()) {
                group = t.colocationId();
            }
        }
        if (group == -1 || s.lateral() || anchor[0] == -1 || anchor[0] == group) {
            if (group != -1 && !s.lateral()) {
                anchor[0] = group;
            }
            return new SubqueryRelation(s.query(), s.lateral());
        }
        return new SubqueryRelation(placeholder(s.query(), failure), false);
    }

    private Object readFirst(Table t, String alias, List<String> columns, int[] anchor, Object node,
                             ShaleException failure) {
        ShardedTable sharded = selects.shardedByName(t.name());
        if (sharded == null || sharded.isReference() || sharded.isHash()) {
            return node;
        }
        if (anchor[0] == -1 || anchor[0] == sharded.colocationId()) {
            anchor[0] = sharded.colocationId();
            return node;
        }
        Query read = new Query(null, new QuerySpecification(false, List.of(), List.of(new AllColumns(null, -1)),
                List.of(t), null, List.of(), null, List.of()), List.of(), null, null, List.of());
        return new AliasedRelation(new SubqueryRelation(placeholder(read, failure), false), alias, columns);
    }

    private boolean pushable(Query sub) {
        try {
            MultiShardPlanner.pushableSubquery(sub, selects);
            return true;
        } catch (ShaleException e) {
            return false;
        }
    }

    /** Whether a subquery reads Citus tables, or plain tables (which live on the coordinator only). */
    private boolean hasCitusTables(Query q) {
        DistributedPlanner.Tables t = DistributedPlanner.tables(q, context);
        return t.any() || t.plain() && context.cluster().isCoordinator();
    }

    private Query placeholder(Query sub, ShaleException failure) {
        PlanNode local;
        try {
            local = context.analyze(sub);
        } catch (ShaleException correlated) {
            throw failure;
        }
        PlanNode plan = DistributedPlanner.plan(sub, local, context);
        return intermediates.add(plan == null ? local : plan);
    }
}
