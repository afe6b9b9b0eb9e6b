package io.shale.engine.distributed;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.Cast;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.Parameter;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.QuerySpecification;
import io.shale.grammar.ast.SingleColumn;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Plans a SELECT over Citus tables: router (fast-path included) when one shard group holds the answer, else multi-shard. */
final class SelectPlanner {
    private final PlanningContext context;
    private final DistributedPlanner.Tables tables;
    private final Literals literals;

    SelectPlanner(PlanningContext context, DistributedPlanner.Tables tables, Literals literals) {
        this.context = context;
        this.tables = tables;
        this.literals = literals;
    }

    PlanNode plan(Query query, PlanNode local) {
        Query inlined = RecursivePlanner.inlineCtes(query);
        try {
            return direct(inlined, local, null);
        } catch (ShaleException e) {
            if (e.code() != ErrorCode.FEATURE_NOT_SUPPORTED) {
                throw e;
            }
            return recursive(inlined, local, e);
        }
    }

    /**
     * Recursive planning: the subqueries that stop the query from running as it is are planned and run first, their
     * rows shipped into the tasks; {@code e} when that does not help either.
     */
    PlanNode recursive(Query inlined, PlanNode local, ShaleException e) {
        {
            Intermediates intermediates = new Intermediates(literals);
            Query rewritten = new RecursivePlanner(context, this, intermediates).replace(inlined, e);
            if (intermediates.isEmpty()) {
                throw e;
            }
            DistributedPlanner.Tables remaining = DistributedPlanner.tables(rewritten, context);
            if (!remaining.any()) {
                boolean parameters = !AstNodes.collect(rewritten, Parameter.class).isEmpty();
                return new PlanNode.DistributedScan(new ShardTasksJob(List.of(ShardTasksJob.template(0, 0, rewritten,
                        parameters, true)), context.parameterTypes(), literals, false, true, intermediates), null,
                        local.columns());
            }
            if (remaining.plain()) {
                throw e;
            }
            return new SelectPlanner(context, remaining, literals).direct(rewritten, local, intermediates);
        }
    }

    /** Router when one shard group answers, else multi-shard; no recursive planning. */
    PlanNode direct(Query query, PlanNode local, Intermediates intermediates) {
        List<ShardedTable> all = new ArrayList<>(new LinkedHashSet<>(tables.sharded().values()));
        if (!DistributedPlanner.colocated(all)) {
            throw DistributedPlanner.complexJoins();
        }
        RouterJob router = router(query, query, all, false);
        if (router != null) {
            return new PlanNode.DistributedScan(router.withIntermediates(intermediates), null, local.columns());
        }
        return new MultiShardPlanner(context, tables, literals).plan(query, local, intermediates);
    }

    /**
     * The router job of a statement whose Citus tables all live in one shard group, or null: no hash table (single
     * shard and reference tables only), or every hash table in the top-level FROM of {@code block}, joined on the
     * distribution column and pinned to one value.
     */
    RouterJob router(Statement statement, Query block, List<ShardedTable> all, boolean modifies) {
        int localGroup = context.cluster().localGroupId();
        List<ShardedTable> hash = new ArrayList<>();
        ShardedTable anchor = null;
        for (ShardedTable t : all) {
            if (t.isHash()) {
                hash.add(t);
            } else if (anchor == null || anchor.isReference() && !t.isReference()) {
                anchor = t;
            }
        }
        if (hash.isEmpty()) {
            return new RouterJob(statement, tables.sharded(), anchor, null, context.parameterTypes(), literals, modifies,
                    localGroup);
        }
        if (block == null || !(block.body() instanceof QuerySpecification spec)) {
            return null;
        }
        FromScope scope = new FromScope(spec.from(), spec.where(), tables.relations()::get, this::sharded);
        return pinned(statement, scope, countHashOccurrences(statement), modifies, localGroup);
    }

    /** The router job when every hash table occurrence is an entry of {@code scope} pinned through one class. */
    RouterJob pinned(Statement statement, FromScope scope, int hashOccurrences, boolean modifies, int localGroup) {
        String distributionClass = null;
        int anchorEntry = -1;
        int hashEntries = 0;
        for (int i = 0; i < scope.entries().size(); i++) {
            ShardedTable t = scope.entries().get(i).table();
            if (t == null || !t.isHash()) {
                continue;
            }
            hashEntries++;
            String c = scope.distributionClass(i);
            if (distributionClass == null) {
                distributionClass = c;
                anchorEntry = i;
            } else if (!distributionClass.equals(c)) {
                return null;
            }
        }
        if (anchorEntry < 0 || hashEntries != hashOccurrences) {
            return null;
        }
        Expression pin = scope.pin(anchorEntry);
        if (pin == null) {
            return null;
        }
        ShardedTable anchor = scope.entries().get(anchorEntry).table();
        return new RouterJob(statement, tables.sharded(), anchor, pinValue(pin, anchor.distributionColumn().type()),
                context.parameterTypes(), literals, modifies, localGroup);
    }

    /** The FROM scope of a query block of the statement being planned. */
    FromScope scope(QuerySpecification spec) {
        return new FromScope(spec.from(), spec.where(), tables.relations()::get, this::sharded);
    }

    int countHashOccurrences(Object statement) {
        int n = 0;
        for (Table t : AstNodes.collect(statement, Table.class)) {
            ShardedTable st = tables.sharded().get(t.name());
            if (st != null && st.isHash()) {
                n++;
            }
        }
        return n;
    }

    /** The Citus table a name of the statement stands for, or null. */
    ShardedTable shardedByName(io.shale.grammar.ast.QualifiedName name) {
        return tables.sharded().get(name);
    }

    ShardedTable sharded(io.shale.catalog.Relation relation) {
        for (ShardedTable t : tables.sharded().values()) {
            if (t.shell().oid() == relation.oid()) {
                return t;
            }
        }
        return null;
    }

    PinValue pinValue(Expression pin, SqlType columnType) {
        List<SqlType> types = context.parameterTypes();
        if (pin instanceof Parameter p && p.index() - 1 < types.size()) {
            return PinValue.parameter(p.index() - 1, types.get(p.index() - 1), columnType);
        }
        Query select = new Query(null, new QuerySpecification(false, List.of(),
                List.of(new SingleColumn(new Cast(pin, literals.typeName(columnType), 0), null)), List.of(), null,
                List.of(), null, List.of()), List.of(), null, null, List.of());
        boolean constant = AstNodes.collect(pin, Parameter.class).isEmpty();
        return PinValue.computed(context.analyze(select), columnType, constant);
    }
}
