package io.shale.engine.plan;

import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.engine.function.SetReturningFunction;

import java.util.List;

/**
 * A node of a query plan. Every node produces rows of {@link #columns()}; expressions of a node
 * refer to positions in its input's row (for joins: the left row followed by the right row).
 * Plans are immutable and may be executed many times (prepared statements).
 */
public sealed interface PlanNode permits PlanNode.TableScan, PlanNode.IndexScan, PlanNode.SystemScan,
        PlanNode.Values, PlanNode.FunctionScan, PlanNode.Filter, PlanNode.Project, PlanNode.ProjectSet, PlanNode.Join,
        PlanNode.HashJoin, PlanNode.Aggregate, PlanNode.Window, PlanNode.Sort, PlanNode.Limit,
        PlanNode.Distinct, PlanNode.SetOperation, PlanNode.CteScan, PlanNode.WithCtes,
        PlanNode.RecursiveUnion, PlanNode.WorkTableScan, PlanNode.Modify, PlanNode.LockRows,
        PlanNode.DistributedScan {

    List<OutputColumn> columns();

    /** All rows of a table, in the stored column layout (dropped columns included, as null). */
    record TableScan(Table table, List<OutputColumn> columns) implements PlanNode {
    }

    /**
     * Rows of a table found through an index: {@code equalities} give values for the first index
     * columns; {@code lower}/{@code upper} optionally bound the next one (in SQL order), or
     * {@code points} (IN list) or {@code pointArray} (= ANY (array)) give its values, looked up one
     * by one. {@code descending} walks the index backwards (ORDER BY … DESC LIMIT). The conditions
     * the scan uses stay in a filter above it.
     */
    record IndexScan(Table table, Index index, List<Expr> equalities, Expr lower, boolean lowerInclusive,
                     Expr upper, boolean upperInclusive, List<Expr> points, Expr pointArray, boolean descending,
                     List<OutputColumn> columns) implements PlanNode {
        public IndexScan {
            equalities = List.copyOf(equalities);
            points = List.copyOf(points);
        }

        /** The same scan walked in the other direction. */
        public IndexScan reversed() {
            return new IndexScan(table, index, equalities, lower, lowerInclusive, upper, upperInclusive, points,
                    pointArray, !descending, columns);
        }
    }

    /** A pg_catalog or information_schema relation computed from the catalog. */
    record SystemScan(String schema, String name, int relationOid, List<OutputColumn> columns) implements PlanNode {
    }

    /** Literal rows (VALUES, or the single empty row of a SELECT without FROM). */
    record Values(List<List<Expr>> rows, List<OutputColumn> columns) implements PlanNode {
    }

    /** A set-returning function in FROM, optionally WITH ORDINALITY. */
    record FunctionScan(String name, SetReturningFunction function, List<Expr> arguments, boolean strict,
                        boolean ordinality, List<OutputColumn> columns) implements PlanNode {
    }

    record Filter(PlanNode input, Expr predicate) implements PlanNode {
        @Override
        public List<OutputColumn> columns() {
            return input.columns();
        }
    }

    /**
     * Computes expressions over each input row. A set-returning function in the select list is
     * expanded by {@code setFunctions} (null when there is none).
     */
    record Project(PlanNode input, List<Expr> expressions, List<OutputColumn> columns) implements PlanNode {
    }

    /**
     * Set-returning functions of a select list (PostgreSQL 10+ semantics): per input row the
     * calls run in lockstep, each output row is the input row followed by one value per call,
     * a call whose set has ended gives null, and the row's output ends when every set has.
     */
    record ProjectSet(PlanNode input, List<Expr.SetCall> calls, List<OutputColumn> columns) implements PlanNode {
        public ProjectSet {
            calls = List.copyOf(calls);
            columns = List.copyOf(columns);
        }
    }

    /**
     * A nested-loop join; with {@code lateral} the right side is re-planned per left row (its
     * outer references of depth 1 read the left row).
     */
    record Join(PlanNode left, PlanNode right, JoinType type, Expr condition, boolean lateral,
                List<OutputColumn> columns) implements PlanNode {
    }

    /** An equi-join by hashing the right side; {@code residual} filters matched pairs. */
    record HashJoin(PlanNode left, PlanNode right, JoinType type, List<Expr> leftKeys, List<Expr> rightKeys,
                    Expr residual, List<OutputColumn> columns) implements PlanNode {
    }

    /** GROUP BY: output = the group keys followed by the aggregate values. */
    record Aggregate(PlanNode input, List<Expr> groupKeys, List<AggregateCall> aggregates,
                     List<OutputColumn> columns) implements PlanNode {
    }

    /** Window functions: output = the input row followed by one value per call. */
    record Window(PlanNode input, List<WindowCall> calls, List<OutputColumn> columns) implements PlanNode {
    }

    record Sort(PlanNode input, List<SortKey> keys) implements PlanNode {
        @Override
        public List<OutputColumn> columns() {
            return input.columns();
        }
    }

    /** LIMIT/OFFSET; either may be null. */
    record Limit(PlanNode input, Expr limit, Expr offset) implements PlanNode {
        @Override
        public List<OutputColumn> columns() {
            return input.columns();
        }
    }

    /** DISTINCT (keys empty: the whole row) or DISTINCT ON (keys); input sorted by the keys first for ON. */
    record Distinct(PlanNode input, List<Expr> keys) implements PlanNode {
        @Override
        public List<OutputColumn> columns() {
            return input.columns();
        }
    }

    record SetOperation(SetOperationKind kind, boolean all, PlanNode left, PlanNode right,
                        List<OutputColumn> columns) implements PlanNode {
    }

    /** Reads common table expression {@code id} of the enclosing {@link WithCtes}. */
    record CteScan(int id, List<OutputColumn> columns) implements PlanNode {
    }

    /** Materialises CTEs (in order, each under its id) and runs the body. */
    record WithCtes(List<Integer> ids, List<PlanNode> ctes, PlanNode body) implements PlanNode {
        @Override
        public List<OutputColumn> columns() {
            return body.columns();
        }
    }

    /** WITH RECURSIVE: {@code seed} UNION [ALL] {@code step}, where the step reads the work table {@code id}. */
    record RecursiveUnion(int id, PlanNode seed, PlanNode step, boolean all, List<OutputColumn> columns)
            implements PlanNode {
    }

    /** The rows of the previous iteration of recursive union {@code id}. */
    record WorkTableScan(int id, List<OutputColumn> columns) implements PlanNode {
    }

    /**
     * SELECT … FOR UPDATE/SHARE: locks the rows of {@code marks} in each input row. The input row
     * carries its source row (the FROM row the outputs were computed from) at {@code sourceOffset};
     * when a concurrent transaction changed a locked row first, the newest version replaces it
     * there, {@code recheck} (WHERE and inner join conditions, over the source row; may be null)
     * is evaluated again, and {@code outputs} (over the source row) recompute the input row's first
     * columns (PostgreSQL's EvalPlanQual under READ COMMITTED).
     */
    record LockRows(PlanNode input, List<RowMark> marks, int sourceOffset, Expr recheck, List<Expr> outputs)
            implements PlanNode {
        public LockRows {
            marks = List.copyOf(marks);
            outputs = List.copyOf(outputs);
        }

        @Override
        public List<OutputColumn> columns() {
            return input.columns();
        }
    }

    /** INSERT, UPDATE or DELETE; output = the RETURNING rows (no columns without RETURNING). */
    record Modify(ModifyOperation operation, List<OutputColumn> columns) implements PlanNode {
    }

    enum JoinType { INNER, LEFT, RIGHT, FULL, SEMI, ANTI }

    enum SetOperationKind { UNION, INTERSECT, EXCEPT }

    /**
     * Rows computed by tasks on the nodes that hold the shards ({@link io.shale.engine.distributed.DistributedJob}):
     * the leaf of the coordinator's merge plan, or the whole plan of a router query or a distributed modification.
     * {@code input} (null when none) gives rows the job routes to shards (INSERT values, COPY rows).
     */
    record DistributedScan(io.shale.engine.distributed.DistributedJob job, PlanNode input,
                           List<OutputColumn> columns) implements PlanNode {
    }
}
