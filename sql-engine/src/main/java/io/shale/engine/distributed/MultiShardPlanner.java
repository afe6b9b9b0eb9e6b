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

    PlanNode plan(Query query, PlanNode local) {
        if (!query.locking().isEmpty()) {
            throw DistributedPlanner.unsupported("could not run distributed query with FOR UPDATE/SHARE commands");
        }
        if (!(query.body() instanceof QuerySpecification spec)) {
            throw DistributedPlanner.unsupported("cannot push down this subquery")
                    .withDetail("Set operations over distributed tables are only supported when each branch is routed to the same shard group");
        }
        SelectPlanner selects = new SelectPlanner(context, tables, literals);
        FromScope scope = new FromScope(spec.from(), spec.where(), tables.relations()::get, selects::sharded);
        int anchorEntry = anchorEntry(scope, selects.countHashOccurrences(query));
        ShardedTable anchor = scope.entries().get(anchorEntry).table();
        String distributionClass = scope.distributionClass(anchorEntry);
        List<String> names = new ArrayList<>();
        for (OutputColumn c : local.columns()) {
            names.add(c.name());
        }
        MergeRewriter merge = new MergeRewriter(query, names, e -> distributionClass.equals(scope.classOf(e)));
        Query worker = merge.worker();
        PlanNode workerPlan = context.analyze(worker);
        List<SqlType> types = new ArrayList<>();
        for (OutputColumn c : workerPlan.columns()) {
            types.add(c.type());
        }
        ShardTasksJob job = new ShardTasksJob(templates(worker, anchor), context.parameterTypes(), literals, false,
                false);
        Query coordinator = merge.coordinator(types, List.of(placeholder(types)));
        PlanNode merged = context.analyze(coordinator);
        return replaceLeaf(merged, job);
    }

    /**
     * The FROM entry of the hash table the tasks follow; Citus's errors when hash tables are not all top-level FROM
     * items joined on their distribution columns.
     */
    static int anchorEntry(FromScope scope, int hashOccurrences) {
        int anchor = -1;
        String distributionClass = null;
        int hashEntries = 0;
        for (int i = 0; i < scope.entries().size(); i++) {
            ShardedTable t = scope.entries().get(i).table();
            if (t == null || t.isReference()) {
                continue;
            }
            if (!t.isHash()) {
                throw DistributedPlanner.complexJoins();
            }
            hashEntries++;
            String c = scope.distributionClass(i);
            if (anchor < 0) {
                anchor = i;
                distributionClass = c;
            } else if (!c.equals(distributionClass)) {
                throw DistributedPlanner.complexJoins();
            }
        }
        if (anchor < 0 || hashEntries != hashOccurrences) {
            throw DistributedPlanner.unsupported("cannot push down this subquery")
                    .withDetail("Subqueries and CTEs over distributed tables are only supported when they are routed "
                            + "to one shard group");
        }
        return anchor;
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
