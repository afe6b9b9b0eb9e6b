package io.shale.engine.distributed;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.CommonTableExpression;
import io.shale.grammar.ast.Delete;
import io.shale.grammar.ast.Insert;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.Table;
import io.shale.grammar.ast.Update;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distributed planner: decides whether a statement touches Citus tables and, when it does, replaces its local
 * plan with one over {@link PlanNode.DistributedScan}s, in Citus's tiers: fast-path and router (one shard group, the
 * whole statement as one task), multi-shard (a task per shard group, merged on the coordinator by a local plan).
 * On a worker, statements over plain tables go whole to the coordinator.
 */
public final class DistributedPlanner {
    private DistributedPlanner() {
    }

    /** The tables a statement names, by the name it uses, and what kind they are. */
    record Tables(Map<QualifiedName, Relation> relations, Map<QualifiedName, ShardedTable> sharded, boolean plain) {
        boolean any() {
            return !sharded.isEmpty();
        }
    }

    /**
     * The distributed plan of {@code statement}, or null when the local plan {@code local} is the plan (it names no
     * Citus table, and runs on this node).
     */
    public static PlanNode plan(Statement statement, PlanNode local, PlanningContext context) {
        Tables tables = tables(statement, context);
        ClusterHooks cluster = context.cluster();
        if (!tables.any()) {
            if (!cluster.isCoordinator() && tables.plain()) {
                return CoordinatorRoute.plan(statement, local, context);
            }
            return null;
        }
        Literals literals = new Literals(context.catalog().objects(context.databaseOid()));
        if (tables.plain()) {
            ShaleException direct = new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "direct joins between distributed and local tables are not supported")
                    .withHint("Use CTE's or subqueries to select from local tables and use them in joins");
            if (statement instanceof Query q && cluster.isCoordinator()) {
                return new SelectPlanner(context, tables, literals).recursive(RecursivePlanner.inlineCtes(q), local,
                        direct);
            }
            throw direct;
        }
        return switch (statement) {
            case Query q -> new SelectPlanner(context, tables, literals).plan(q, local);
            case Insert i -> new ModifyPlanner(context, tables, literals).insert(i, local);
            case Update u -> new ModifyPlanner(context, tables, literals).update(u, local);
            case Delete d -> new ModifyPlanner(context, tables, literals).delete(d, local);
            default -> null;
        };
    }

    /** Resolves every table name of the statement (CTE names excepted). */
    static Tables tables(Statement statement, PlanningContext context) {
        Set<String> cteNames = new HashSet<>();
        for (CommonTableExpression cte : AstNodes.collect(statement, CommonTableExpression.class)) {
            cteNames.add(cte.name());
        }
        Map<QualifiedName, Relation> relations = new LinkedHashMap<>();
        switch (statement) {
            case Insert i -> relations.put(i.table(), null);
            case Update u -> relations.put(u.table(), null);
            case Delete d -> relations.put(d.table(), null);
            default -> {
            }
        }
        for (Table t : AstNodes.collect(statement, Table.class)) {
            if (t.name().parts().size() == 1 && cteNames.contains(t.name().last())) {
                continue;
            }
            relations.put(t.name(), null);
        }
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        Map<QualifiedName, ShardedTable> sharded = new HashMap<>();
        boolean plain = false;
        for (Map.Entry<QualifiedName, Relation> e : relations.entrySet()) {
            Relation r;
            try {
                r = context.findRelation(e.getKey());
            } catch (ShaleException ex) {
                r = null;
            }
            e.setValue(r);
            if (!(r instanceof io.shale.catalog.Table table)) {
                continue;
            }
            ShardedTable st = ShardedTable.of(objects, table);
            if (st != null) {
                sharded.put(e.getKey(), st);
            } else if (objects.shardOfRelation(table.oid()) == null && isUserSchema(objects, table)) {
                plain = true;
            }
        }
        return new Tables(relations, sharded, plain);
    }

    private static boolean isUserSchema(DatabaseCatalog objects, io.shale.catalog.Table table) {
        Namespace ns = objects.namespace(table.namespaceOid());
        return ns != null && !ns.name().equals("pg_catalog") && !ns.name().equals("information_schema");
    }

    static ShaleException unsupported(String message) {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, message);
    }

    static ShaleException complexJoins() {
        return unsupported("complex joins are only supported when all distributed tables are co-located and joined "
                + "on their distribution columns");
    }

    /** Whether every table of {@code tables} that is not a reference table is in one colocation group. */
    static boolean colocated(List<ShardedTable> tables) {
        int colocation = -1;
        for (ShardedTable t : tables) {
            if (t.isReference()) {
                continue;
            }
            if (colocation == -1) {
                colocation = t.colocationId();
            } else if (colocation != t.colocationId() || t.colocationId() == 0) {
                return false;
            }
        }
        return true;
    }
}
