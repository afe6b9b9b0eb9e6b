package io.shale.engine.exec;

import io.shale.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Instantiates running operators for one plan. Compiled expressions are cached per plan part, so
 * a prepared plan compiles once: make one factory per plan and keep it with the plan.
 * Thread-safe.
 */
public final class OperatorFactory {
    private final ExpressionCompiler compiler = new ExpressionCompiler(this);
    private final java.util.Map<Object, Object> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    public ExpressionCompiler compiler() {
        return compiler;
    }

    /** The compiled form of an expression list, compiled once per list instance. */
    Evaluator[] evaluators(List<io.shale.engine.plan.Expr> exprs) {
        return (Evaluator[]) compiled.computeIfAbsent(new Identity(exprs), k -> compiler.compileAll(exprs));
    }

    Evaluator evaluator(io.shale.engine.plan.Expr expr) {
        if (expr == null) {
            return null;
        }
        return (Evaluator) compiled.computeIfAbsent(new Identity(expr), k -> compiler.compile(expr));
    }

    public Operator create(PlanNode node, ExecContext ctx) {
        return switch (node) {
            case PlanNode.TableScan s -> ctx.tables().scan(ctx.transaction(), s.table());
            case PlanNode.IndexScan s -> IndexScanOperator.open(s, this, ctx);
            case PlanNode.SystemScan s -> iterate(ctx.systemRows().rows(s.schema(), s.name()));
            case PlanNode.Values v -> values(v, ctx);
            case PlanNode.FunctionScan f -> FunctionScanOperator.open(f, this, ctx);
            case PlanNode.Filter f -> {
                Operator input = create(f.input(), ctx);
                Evaluator predicate = evaluator(f.predicate());
                yield new Operator() {
                    @Override
                    public Object[] next() {
                        for (Object[] row = input.next(); row != null; row = input.next()) {
                            if (Boolean.TRUE.equals(predicate.eval(row, ctx))) {
                                return row;
                            }
                        }
                        return null;
                    }

                    @Override
                    public void close() {
                        input.close();
                    }
                };
            }
            case PlanNode.Project p -> {
                Operator input = create(p.input(), ctx);
                Evaluator[] exprs = evaluators(p.expressions());
                yield new Operator() {
                    @Override
                    public Object[] next() {
                        Object[] row = input.next();
                        if (row == null) {
                            return null;
                        }
                        Object[] out = new Object[exprs.length];
                        for (int i = 0; i < out.length; i++) {
                            out[i] = exprs[i].eval(row, ctx);
                        }
                        return out;
                    }

                    @Override
                    public void close() {
                        input.close();
                    }
                };
            }
            case PlanNode.ProjectSet p -> ProjectSetOperator.open(p, this, ctx);
            case PlanNode.Join j -> NestedLoopJoinOperator.open(j, this, ctx);
            case PlanNode.HashJoin j -> HashJoinOperator.open(j, this, ctx);
            case PlanNode.Aggregate a -> AggregateOperator.open(a, this, ctx);
            case PlanNode.Window w -> WindowOperator.open(w, this, ctx);
            case PlanNode.Sort s -> iterate(Sorting.sort(drain(create(s.input(), ctx)), s.keys(), this, ctx).iterator());
            case PlanNode.Limit l -> LimitOperator.open(l, this, ctx);
            case PlanNode.Distinct d -> DistinctOperator.open(d, this, ctx);
            case PlanNode.SetOperation s -> SetOperations.open(s, this, ctx);
            case PlanNode.CteScan c -> iterate(ctx.materialized(c.id()).iterator());
            case PlanNode.WorkTableScan w -> iterate(ctx.materialized(w.id()).iterator());
            case PlanNode.WithCtes w -> {
                for (int i = 0; i < w.ctes().size(); i++) {
                    ctx.materialize(w.ids().get(i), drain(create(w.ctes().get(i), ctx)));
                }
                yield create(w.body(), ctx);
            }
            case PlanNode.RecursiveUnion r -> iterate(SetOperations.recursive(r, this, ctx).iterator());
            case PlanNode.LockRows l -> LockRowsOperator.open(l, this, ctx);
            case PlanNode.DistributedScan d -> DistributedScanOperator.open(d, this, ctx);
            case PlanNode.Modify m -> ModifyExecutor.open(m, this, ctx);
        };
    }

    private Operator values(PlanNode.Values v, ExecContext ctx) {
        List<Evaluator[]> rows = new ArrayList<>(v.rows().size());
        for (List<io.shale.engine.plan.Expr> row : v.rows()) {
            rows.add(evaluators(row));
        }
        Iterator<Evaluator[]> it = rows.iterator();
        return () -> {
            if (!it.hasNext()) {
                return null;
            }
            Evaluator[] exprs = it.next();
            Object[] out = new Object[exprs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = exprs[i].eval(null, ctx);
            }
            return out;
        };
    }

    static Operator iterate(Iterator<Object[]> rows) {
        return () -> rows.hasNext() ? rows.next() : null;
    }

    /** Reads an operator to its end and closes it. */
    public static List<Object[]> drain(Operator op) {
        try (op) {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row = op.next(); row != null; row = op.next()) {
                rows.add(row);
            }
            return rows;
        }
    }

    /** Identity-based key so that equal-looking plan parts compile separately. */
    private record Identity(Object target) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.target == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }
    }
}
