package io.shale.engine;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.engine.exec.Operator;
import io.shale.engine.exec.OperatorFactory;
import io.shale.engine.plan.ModifyOperation;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.Explain;
import io.shale.grammar.ast.PreparableStatement;
import io.shale.grammar.ast.Property;

import java.util.ArrayList;
import java.util.List;

/** EXPLAIN [ANALYZE]: the plan as an indented tree of PostgreSQL-style node names (no costs). */
final class Explainer {
    private Explainer() {
    }

    static Outcome explain(StatementExecutor executor, Explain explain, Object[] parameters) {
        if (!(explain.statement() instanceof PreparableStatement statement)) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN of this statement is not supported");
        }
        boolean analyze = false;
        for (Property p : explain.options()) {
            if (p.name().equals("analyze")) {
                analyze = p.value() == null || !p.value().equalsIgnoreCase("false") && !p.value().equals("off");
            }
        }
        Prepared prepared = new Prepared("", "", statement, List.of());
        Prepared.Plan plan = executor.plan(prepared);
        executor.checkPrivileges(plan);
        List<String> lines = new ArrayList<>();
        io.shale.engine.exec.ExecContext explainContext = executor.context(parameters);
        java.util.function.Function<PlanNode.DistributedScan, List<String>> citus = scan -> io.shale.engine.distributed
                .CitusExplain.lines(scan, plan.operators(), explainContext, executor.session().database.name());
        describe(plan.plan(), 0, lines, explainContext.formatSettings(), citus);
        if (analyze) {
            long start = System.nanoTime();
            List<Object[]> rows = OperatorFactory.drain(plan.operators().create(plan.plan(), executor.context(parameters)));
            double ms = (System.nanoTime() - start) / 1e6;
            lines.set(0, lines.get(0) + " (actual rows=" + rows.size() + " loops=1)");
            lines.add(String.format(java.util.Locale.ROOT, "Execution Time: %.3f ms", ms));
        }
        List<Object[]> out = new ArrayList<>();
        for (String line : lines) {
            out.add(new Object[] {line});
        }
        java.util.Iterator<Object[]> it = out.iterator();
        Operator op = () -> it.hasNext() ? it.next() : null;
        return new Outcome.Rows(List.of(OutputColumn.of("QUERY PLAN", SqlType.TEXT)), op, n -> "EXPLAIN");
    }

    private static void describe(PlanNode node, int depth, List<String> lines, FormatSettings settings,
                                 java.util.function.Function<PlanNode.DistributedScan, List<String>> citus) {
        String indent = depth == 0 ? "" : "  ".repeat(depth * 3 - 2) + "->  ";
        switch (node) {
            case PlanNode.TableScan s -> lines.add(indent + "Seq Scan on " + s.table().name());
            case PlanNode.IndexScan s -> {
                lines.add(indent + "Index Scan" + (s.descending() ? " Backward" : "") + " using " + s.index().name()
                        + " on " + s.table().name());
                String condition = IndexConditionText.of(s, settings);
                if (condition != null) {
                    lines.add(" ".repeat(indent.length() + 2) + "Index Cond: " + condition);
                }
            }
            case PlanNode.SystemScan s -> lines.add(indent + "Function Scan on " + s.name());
            case PlanNode.Values v -> lines.add(indent + (v.columns().isEmpty() ? "Result" : "Values Scan on \"*VALUES*\""));
            case PlanNode.FunctionScan f -> lines.add(indent + "Function Scan on " + f.name());
            case PlanNode.Filter f -> describe(f.input(), depth, lines, settings, citus);
            case PlanNode.Project p -> describe(p.input(), depth, lines, settings, citus);
            case PlanNode.ProjectSet p -> {
                lines.add(indent + "ProjectSet");
                describe(p.input(), depth + 1, lines, settings, citus);
            }
            case PlanNode.Join j -> {
                lines.add(indent + "Nested Loop" + joinSuffix(j.type()));
                describe(j.left(), depth + 1, lines, settings, citus);
                describe(j.right(), depth + 1, lines, settings, citus);
            }
            case PlanNode.HashJoin j -> {
                lines.add(indent + "Hash" + (j.type() == PlanNode.JoinType.INNER ? " Join" : joinSuffix(j.type()).replace(" ", "")
                        .replace("Join", " Join")));
                describe(j.left(), depth + 1, lines, settings, citus);
                lines.add("  ".repeat((depth + 1) * 3 - 2) + "->  Hash");
                describe(j.right(), depth + 2, lines, settings, citus);
            }
            case PlanNode.Aggregate a -> {
                lines.add(indent + (a.groupKeys().isEmpty() ? "Aggregate" : "HashAggregate"));
                describe(a.input(), depth + 1, lines, settings, citus);
            }
            case PlanNode.Window w -> {
                lines.add(indent + "WindowAgg");
                describe(w.input(), depth + 1, lines, settings, citus);
            }
            case PlanNode.Sort s -> {
                lines.add(indent + "Sort");
                describe(s.input(), depth + 1, lines, settings, citus);
            }
            case PlanNode.Limit l -> {
                lines.add(indent + "Limit");
                describe(l.input(), depth + 1, lines, settings, citus);
            }
            case PlanNode.Distinct d -> {
                lines.add(indent + (d.keys().isEmpty() ? "HashAggregate" : "Unique"));
                describe(d.input(), depth + 1, lines, settings, citus);
            }
            case PlanNode.SetOperation s -> {
                lines.add(indent + (s.kind() == PlanNode.SetOperationKind.UNION ? (s.all() ? "Append" : "HashAggregate")
                        : "HashSetOp " + (s.kind() == PlanNode.SetOperationKind.INTERSECT ? "Intersect" : "Except")));
                describe(s.left(), depth + 1, lines, settings, citus);
                describe(s.right(), depth + 1, lines, settings, citus);
            }
            case PlanNode.CteScan c -> lines.add(indent + "CTE Scan");
            case PlanNode.WorkTableScan w -> lines.add(indent + "WorkTable Scan");
            case PlanNode.WithCtes w -> {
                describe(w.body(), depth, lines, settings, citus);
                for (PlanNode c : w.ctes()) {
                    describe(c, depth + 1, lines, settings, citus);
                }
            }
            case PlanNode.RecursiveUnion r -> {
                lines.add(indent + "Recursive Union");
                describe(r.seed(), depth + 1, lines, settings, citus);
                describe(r.step(), depth + 1, lines, settings, citus);
            }
            case PlanNode.LockRows l -> {
                lines.add(indent + "LockRows");
                describe(l.input(), depth + 1, lines, settings, citus);
            }
            case PlanNode.Modify m -> {
                String verb = switch (m.operation()) {
                    case ModifyOperation.Insert i -> "Insert on ";
                    case ModifyOperation.Update u -> "Update on ";
                    case ModifyOperation.Delete d -> "Delete on ";
                };
                lines.add(indent + verb + m.operation().table().name());
                PlanNode source = switch (m.operation()) {
                    case ModifyOperation.Insert i -> i.source();
                    case ModifyOperation.Update u -> u.source();
                    case ModifyOperation.Delete d -> d.source();
                };
                describe(source, depth + 1, lines, settings, citus);
            }
            case PlanNode.DistributedScan d -> {
                List<String> scan = citus.apply(d);
                lines.add(indent + scan.getFirst());
                String pad = " ".repeat(indent.length());
                for (int i = 1; i < scan.size(); i++) {
                    lines.add(pad + scan.get(i));
                }
            }
        }
    }

    private static String joinSuffix(PlanNode.JoinType type) {
        return switch (type) {
            case INNER -> "";
            case LEFT -> " Left Join";
            case RIGHT -> " Right Join";
            case FULL -> " Full Join";
            case SEMI -> " Semi Join";
            case ANTI -> " Anti Join";
        };
    }
}
