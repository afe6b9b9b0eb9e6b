package io.shale.engine.distributed;

import io.shale.common.types.SqlType;
import io.shale.engine.exec.ExecContext;
import io.shale.engine.exec.OperatorFactory;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.AliasedRelation;
import io.shale.grammar.ast.BooleanLiteral;
import io.shale.grammar.ast.Cast;
import io.shale.grammar.ast.ColumnReference;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.NullLiteral;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.QuerySpecification;
import io.shale.grammar.ast.SelectItem;
import io.shale.grammar.ast.SingleColumn;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.SubqueryRelation;
import io.shale.grammar.ast.Values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Citus's recursive planning: subqueries and CTEs that cannot run shard by shard are planned as distributed queries
 * of their own, run first at every execution, and their rows shipped into the task text as {@code VALUES}. At
 * planning time each stands as a typed empty placeholder query over {@code intermediate_result_<n>}.
 */
final class Intermediates {
    private record Result(String marker, PlanNode plan, OperatorFactory operators, List<OutputColumn> columns) {
    }

    private final List<Result> results = new ArrayList<>();
    private final Literals literals;

    Intermediates(Literals literals) {
        this.literals = literals;
    }

    boolean isEmpty() {
        return results.isEmpty();
    }

    /** Registers the distributed plan of a subquery; returns the placeholder query that stands for its rows. */
    Query add(PlanNode plan) {
        String marker = "intermediate_result_" + (results.size() + 1);
        results.add(new Result(marker, plan, new OperatorFactory(), plan.columns()));
        List<Expression> nulls = new ArrayList<>();
        for (OutputColumn c : plan.columns()) {
            nulls.add(new Cast(new NullLiteral(0), literals.typeName(c.type()), 0));
        }
        return query(marker, plan.columns(), List.of(nulls), new BooleanLiteral(false, 0));
    }

    private static Query query(String marker, List<OutputColumn> columns, List<List<Expression>> rows, Expression where) {
        List<SelectItem> items = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            names.add("c" + i);
            items.add(new SingleColumn(new ColumnReference(QualifiedName.of(marker, "c" + i), 0), columns.get(i).name()));
        }
        Query values = new Query(null, new Values(rows), List.of(), null, null, List.of());
        QuerySpecification spec = new QuerySpecification(false, List.of(), items,
                List.of(new AliasedRelation(new SubqueryRelation(values, false), marker, names)), where, List.of(), null,
                List.of());
        return new Query(null, spec, List.of(), null, null, List.of());
    }

    /** Runs every intermediate plan once for this execution: marker → its rows as literal VALUES rows. */
    Map<String, Query> run(ExecContext context) {
        Map<String, Query> out = new HashMap<>();
        for (Result r : results) {
            List<Object[]> rows = OperatorFactory.drain(r.operators().create(r.plan(), context));
            if (rows.isEmpty()) {
                continue;
            }
            List<List<Expression>> values = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                List<Expression> v = new ArrayList<>(row.length);
                for (int i = 0; i < r.columns().size(); i++) {
                    SqlType type = r.columns().get(i).type();
                    v.add(literals.literal(type, row[i], context.formatSettings()));
                }
                values.add(v);
            }
            out.put(r.marker(), query(r.marker(), r.columns(), values, null));
        }
        return out;
    }

    /** The statement with each placeholder that has rows replaced by the query over those rows. */
    static <S extends Statement> S substitute(S statement, Map<String, Query> rows) {
        if (rows.isEmpty()) {
            return statement;
        }
        return AstNodes.rewrite(statement, node -> {
            if (node instanceof Query q && q.body() instanceof QuerySpecification spec && spec.from().size() == 1
                    && spec.from().getFirst() instanceof AliasedRelation a && rows.containsKey(a.alias())
                    && a.relation() instanceof SubqueryRelation) {
                return rows.get(a.alias());
            }
            return node;
        });
    }
}
