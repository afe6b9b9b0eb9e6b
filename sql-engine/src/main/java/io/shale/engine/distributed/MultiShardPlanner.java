package io.shale.engine.distributed;

import io.shale.common.types.SqlType;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.AliasedRelation;
import io.shale.grammar.ast.Cast;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.NullLiteral;
import io.shale.grammar.ast.Parameter;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.QuerySpecification;
import io.shale.grammar.ast.SubqueryRelation;
import io.shale.grammar.ast.Values;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans a query block over colocated hash tables joined on their distribution columns (plus reference tables): one
 * task per shard group, and the coordinator's merge as a local plan whose leaf is the {@link PlanNode.DistributedScan}
 * of the tasks.
 */
final class MultiShardPlanner {
    private final PlanningContext context;
    private final DistributedPlanner.Tables tables;
    private final Literals literals;

    MultiShardPlanner(PlanningContext context, DistributedPlanner.Tables tables, Literals literals) {
        this.context = context;
        this.tables = tables;
        this.literals = literals;
    }

    PlanNode plan(Query query, PlanNode local, Intermediates intermediates) {
        if (!query.locking().isEmpty()) {
            throw DistributedPlanner.unsupported("could not run distributed query with FOR UPDATE/SHARE commands");
        }
        if (!(query.body() instanceof QuerySpecification spec)) {
            throw DistributedPlanner.unsupported("cannot push down this subquery")
                    .withDetail("Set operations over distributed tables are only supported when each branch is routed to the same shard group");
        }
        SelectPlanner selects = new SelectPlanner(context, tables, literals);
        FromScope scope = selects.scope(spec);
        Anchor found = anchor(scope, selects.countHashOccurrences(query), selects);
        ShardedTable anchor = found.table();
        String distributionClass = found.distributionClass();
        List<String> names = new ArrayList<>();
        for (OutputColumn c : local.columns()) {
            names.add(c.name());
        }
        MergeRewriter merge = new MergeRewriter(query, names, e -> distributionClass.equals(scope.classOf(e)),
                e -> scope.classOf(e) != null);
        Query worker = merge.worker();
        PlanNode workerPlan = context.analyze(worker);
        List<SqlType> types = new ArrayList<>();
        for (OutputColumn c : workerPlan.columns()) {
            types.add(c.type());
        }
        ShardTasksJob job = new ShardTasksJob(templates(worker, anchor), context.parameterTypes(), literals, false,
                false, intermediates == null || intermediates.isEmpty() ? null : intermediates);
        Query coordinator = merge.coordinator(types, List.of(placeholder(types)));
        PlanNode merged = context.analyze(coordinator);
        return replaceLeaf(merged, job);
    }

    /** The table whose shards the tasks follow, and the equivalence class of its distribution column (or null). */
    record Anchor(ShardedTable table, String distributionClass) {
    }

    /**
     * The anchor of a query block: its hash tables must all be top-level FROM items joined on their distribution
     * columns, or one subquery in FROM that runs shard by shard; Citus's errors otherwise.
     */
    static Anchor anchor(FromScope scope, int hashOccurrences, SelectPlanner selects) {
        Anchor anchor = null;
        int covered = 0;
        for (int i = 0; i < scope.entries().size(); i++) {
            FromScope.Entry entry = scope.entries().get(i);
            ShardedTable t = entry.table();
            if (t == null && entry.subquery() != null) {
                int inner = selects.countHashOccurrences(entry.subquery());
                if (inner == 0) {
                    continue;
                }
                ShardedTable sub = pushableSubquery(entry.subquery(), selects);
                int position = distributionPosition(entry.subquery(), selects);
                String c = position < 0 ? null : scope.subqueryColumnClass(i, position);
                if (c == null) {
                    c = "subquery:" + i;
                }
                if (anchor == null) {
                    anchor = new Anchor(sub, c);
                } else if (!c.equals(anchor.distributionClass())) {
                    throw DistributedPlanner.complexJoins();
                }
                covered += inner;
                continue;
            }
            if (t == null || t.isReference()) {
                continue;
            }
            if (!t.isHash()) {
                throw DistributedPlanner.complexJoins();
            }
            covered++;
            String c = scope.distributionClass(i);
            if (anchor == null) {
                anchor = new Anchor(t, c);
            } else if (!c.equals(anchor.distributionClass())) {
                throw DistributedPlanner.complexJoins();
            }
        }
        if (anchor != null && covered != hashOccurrences) {
            covered += semiJoins(scope, anchor.distributionClass(), selects);
        }
        if (anchor == null || covered != hashOccurrences) {
            throw DistributedPlanner.unsupported("cannot push down this subquery")
                    .withDetail("Subqueries and CTEs over distributed tables are only supported when they are routed "
                            + "to one shard group");
        }
        return anchor;
    }

    /**
     * The anchor table of a FROM subquery that gives the same rows when run on each shard group and concatenated:
     * no LIMIT, DISTINCT or window, and aggregation only grouped by the distribution column.
     */
    static ShardedTable pushableSubquery(Query sub, SelectPlanner selects) {
        if (sub.with() != null || sub.limit() != null || sub.offset() != null || !sub.locking().isEmpty()
                || !(sub.body() instanceof QuerySpecification spec) || spec.distinct() || !spec.distinctOn().isEmpty()
                || !spec.windows().isEmpty()) {
            throw DistributedPlanner.unsupported("cannot push down this subquery")
                    .withDetail("Limit, DISTINCT and window functions in subqueries over distributed tables are "
                            + "only supported when the query is routed to one shard group");
        }
        FromScope scope = selects.scope(spec);
        Anchor inner = anchor(scope, selects.countHashOccurrences(sub), selects);
        if (!spec.groupBy().isEmpty() || spec.having() != null || AggregateNames.aggregates(spec)) {
            boolean byDistribution = false;
            for (Expression g : spec.groupBy()) {
                byDistribution |= inner.distributionClass().equals(scope.classOf(g));
            }
            if (!byDistribution) {
                throw DistributedPlanner.unsupported("cannot push down this subquery")
                        .withDetail("Group by list without partition column is currently unsupported");
            }
        }
        return inner.table();
    }

    /**
     * The hash table occurrences of WHERE conditions {@code column IN (subquery)} that run shard by shard: the column
     * is in the anchor's distribution class and the subquery returns its own distribution column (a colocated
     * semi-join, as Citus pushes it down).
     */
    private static int semiJoins(FromScope scope, String distributionClass, SelectPlanner selects) {
        int covered = 0;
        for (Expression e : scope.whereConjuncts()) {
            if (!(e instanceof io.shale.grammar.ast.InSubquery in) || in.negated()
                    || !distributionClass.equals(scope.classOf(in.value()))
                    || !(in.query().body() instanceof QuerySpecification spec) || spec.selectItems().size() != 1) {
                continue;
            }
            int inner = selects.countHashOccurrences(in.query());
            try {
                pushableSubquery(in.query(), selects);
                if (inner > 0 && distributionPosition(in.query(), selects) == 0) {
                    covered += inner;
                }
            } catch (io.shale.common.error.ShaleException notPushable) {
                if (notPushable.code() != io.shale.common.error.ErrorCode.FEATURE_NOT_SUPPORTED) {
                    throw notPushable;
                }
            }
        }
        return covered;
    }

    /** The position of the select item of a pushable FROM subquery that is its distribution column, or -1. */
    private static int distributionPosition(Query sub, SelectPlanner selects) {
        QuerySpecification spec = (QuerySpecification) sub.body();
        FromScope scope = selects.scope(spec);
        String distribution = anchor(scope, selects.countHashOccurrences(sub), selects).distributionClass();
        for (int k = 0; k < spec.selectItems().size(); k++) {
            if (spec.selectItems().get(k) instanceof io.shale.grammar.ast.SingleColumn c
                    && distribution.equals(scope.classOf(c.expression()))) {
                return k;
            }
        }
        return -1;
    }

    List<ShardTasksJob.Template> templates(io.shale.grammar.ast.Statement statement, ShardedTable anchor) {
        return templates(statement, anchor, false);
    }

    /**
     * One task per shard of {@code anchor} (colocated tables follow its shard index); a write goes to every placement
     * of the shard, a read to one.
     */
    List<ShardTasksJob.Template> templates(io.shale.grammar.ast.Statement statement, ShardedTable anchor,
                                           boolean write) {
        boolean parameters = !AstNodes.collect(statement, Parameter.class).isEmpty();
        int localGroup = context.cluster().localGroupId();
        List<ShardTasksJob.Template> templates = new ArrayList<>();
        for (int i = 0; i < anchor.shards().size(); i++) {
            int index = i;
            io.shale.grammar.ast.Statement shard = TaskText.renamed(statement, tables.sharded(),
                    t -> t.isHash() ? index : 0);
            long shardId = anchor.shard(i).shardId();
            if (!write) {
                templates.add(ShardTasksJob.template(anchor.readGroup(i, localGroup), shardId, shard, parameters, true));
                continue;
            }
            boolean first = true;
            for (int group : anchor.shard(i).groups()) {
                templates.add(ShardTasksJob.template(group, shardId, shard, parameters, first));
                first = false;
            }
        }
        return templates;
    }

    /** {@code (VALUES (NULL::t0, …)) AS worker_result (c0, …)}: stands for the worker rows in the merge query. */
    private AliasedRelation placeholder(List<SqlType> types) {
        List<Expression> row = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            row.add(new Cast(new NullLiteral(0), literals.typeName(types.get(i)), 0));
            columns.add("c" + i);
        }
        Query values = new Query(null, new Values(List.of(row)), List.of(), null, null, List.of());
        return new AliasedRelation(new SubqueryRelation(values, false), MergeRewriter.RESULT, columns);
    }

    /** The merge plan with the placeholder's VALUES replaced by the scan of the tasks. */
    static PlanNode replaceLeaf(PlanNode node, DistributedJob job) {
        return switch (node) {
            case PlanNode.Values v -> new PlanNode.DistributedScan(job, null, v.columns());
            case PlanNode.Project p -> new PlanNode.Project(replaceLeaf(p.input(), job), p.expressions(), p.columns());
            case PlanNode.Filter f -> new PlanNode.Filter(replaceLeaf(f.input(), job), f.predicate());
            case PlanNode.Aggregate a -> new PlanNode.Aggregate(replaceLeaf(a.input(), job), a.groupKeys(),
                    a.aggregates(), a.columns());
            case PlanNode.Sort s -> new PlanNode.Sort(replaceLeaf(s.input(), job), s.keys());
            case PlanNode.Limit l -> new PlanNode.Limit(replaceLeaf(l.input(), job), l.limit(), l.offset());
            case PlanNode.Distinct d -> new PlanNode.Distinct(replaceLeaf(d.input(), job), d.keys());
            default -> throw new IllegalStateException("unexpected node in a merge plan: " + node.getClass().getSimpleName());
        };
    }
}
