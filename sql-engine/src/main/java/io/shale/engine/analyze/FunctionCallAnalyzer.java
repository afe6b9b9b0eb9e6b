package io.shale.engine.analyze;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeNames;
import io.shale.common.types.TypeOids;
import io.shale.engine.exec.TypeOps;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.OutputColumn;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.FunctionCall;
import io.shale.grammar.ast.GreatestLeast;

import java.util.ArrayList;
import java.util.List;

/** Function calls: overload resolution, aggregates and window functions, and special forms. */
final class FunctionCallAnalyzer {
    private final ExpressionAnalyzer expressions;
    private final AnalyzerContext context;

    FunctionCallAnalyzer(ExpressionAnalyzer expressions) {
        this.expressions = expressions;
        this.context = expressions.context;
    }

    /** An ordered-set aggregate call with its WITHIN GROUP values as the last arguments (direct arguments first). */
    private static FunctionCall withOrderedArguments(FunctionCall f) {
        List<io.shale.grammar.ast.Expression> arguments = new java.util.ArrayList<>(f.arguments());
        for (io.shale.grammar.ast.SortItem s : f.orderBy()) {
            arguments.add(s.expression());
        }
        return new FunctionCall(f.name(), arguments, f.distinct(), f.star(), f.variadic(), f.orderBy(), true,
                f.filter(), f.window(), f.position());
    }

    Expr analyze(FunctionCall call, Scope scope, ExpressionAnalyzer.Clause clause) {
        String name = functionName(call);
        FunctionCall f = NamedArguments.uses(call) ? NamedArguments.positional(name, call) : call;
        if (f.withinGroup()) {
            f = withOrderedArguments(f);
        }
        List<Expr> args = f.star() ? List.of() : expressions.analyzeAll(f.arguments(), scope, clause);
        if (args.isEmpty() && !f.star() && f.window() == null) {
            switch (name) {
                case "pg_backend_pid" -> {
                    return new Expr.SessionValue(Expr.SessionValueKind.BACKEND_PID, SqlType.INT4);
                }
                case "txid_current", "pg_current_xact_id" -> {
                    return new Expr.SessionValue(Expr.SessionValueKind.TRANSACTION_ID, SqlType.INT8);
                }
                default -> {
                }
            }
        }
        if (name.equals("pg_typeof") && args.size() == 1) {
            return new Expr.Literal((long) args.get(0).type().oid(), SqlType.of(TypeOids.REGTYPE));
        }
        ResolvedFunction function = resolve(name, args, f.position());
        List<Expr> coerced = coerceArguments(args, function, f.position());
        if (f.window() != null) {
            if (function.kind() != ResolvedFunction.Kind.WINDOW && function.kind() != ResolvedFunction.Kind.AGGREGATE) {
                throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "OVER specified, but " + name
                        + " is not a window function nor an aggregate function").withPosition(f.position());
            }
            if (clause.collector() == null) {
                throw new ShaleException(ErrorCode.WINDOWING_ERROR, "window functions are not allowed in "
                        + clause.clause()).withPosition(f.position());
            }
            return clause.collector().window(f, function, coerced, scope);
        }
        return switch (function.kind()) {
            case SCALAR -> {
                if (f.distinct() || !f.orderBy().isEmpty() || f.filter() != null) {
                    throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, (f.distinct() ? "DISTINCT" : f.filter() != null
                            ? "FILTER" : "ORDER BY") + " specified, but " + name + " is not an aggregate function")
                            .withPosition(f.position());
                }
                yield new Expr.Call(function.name(), function.scalar(), coerced, function.returnType(), function.strict(),
                        function.volatileFunction());
            }
            case AGGREGATE -> {
                if (clause.collector() == null) {
                    throw new ShaleException(ErrorCode.GROUPING_ERROR, "aggregate functions are not allowed in "
                            + clause.clause()).withPosition(f.position());
                }
                for (Expr a : coerced) {
                    if (containsAggregate(a)) {
                        throw new ShaleException(ErrorCode.GROUPING_ERROR, "aggregate function calls cannot be nested")
                                .withPosition(f.position());
                    }
                }
                yield clause.collector().aggregate(f, function, coerced, scope);
            }
            case WINDOW -> throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "window function " + name
                    + " requires an OVER clause").withPosition(f.position());
            case SET_RETURNING -> {
                if (!clause.clause().equals("SELECT")) {
                    throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "set-returning functions are not allowed in " + clause.clause()).withPosition(f.position());
                }
                List<OutputColumn> columns = function.setColumns();
                SqlType type = columns.size() == 1 ? columns.get(0).type() : context.recordType(columns);
                yield new Expr.SetCall(function.name(), function.setReturning(), coerced, function.strict(),
                        columns.size(), type);
            }
        };
    }

    static String functionName(FunctionCall f) {
        List<String> parts = f.name().parts();
        return parts.get(parts.size() - 1);
    }

    ResolvedFunction resolve(String name, List<Expr> args, int position) {
        List<SqlType> types = new ArrayList<>(args.size());
        for (Expr a : args) {
            types.add(a.type());
        }
        try {
            return context.functions.function(name, types);
        } catch (ShaleException e) {
            throw e.position() > 0 ? e : e.withPosition(position);
        }
    }

    List<Expr> coerceArguments(List<Expr> args, ResolvedFunction function, int position) {
        List<Expr> coerced = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            SqlType target = i < function.argumentTypes().size() ? function.argumentTypes().get(i)
                    : function.argumentTypes().get(function.argumentTypes().size() - 1);
            coerced.add(expressions.coercion.coerce(args.get(i), target, TypeCoercion.Mode.IMPLICIT, position));
        }
        return coerced;
    }

    /** A call of a scalar function by name with already analysed arguments. */
    Expr call(String name, List<Expr> args, int position) {
        ResolvedFunction function = resolve(name, args, position);
        return new Expr.Call(function.name(), function.scalar(), coerceArguments(args, function, position),
                function.returnType(), function.strict(), function.volatileFunction());
    }

    Expr greatestLeast(GreatestLeast g, Scope scope, ExpressionAnalyzer.Clause clause) {
        List<Expr> args = expressions.analyzeAll(g.operands(), scope, clause);
        String name = g.greatest() ? "GREATEST" : "LEAST";
        SqlType type = expressions.common(args, name, g.position());
        boolean greatest = g.greatest();
        boolean byCatalog = io.shale.engine.function.ValueOrder.needsCatalog(type);
        return new Expr.Call(name.toLowerCase(java.util.Locale.ROOT), (ctx, values) -> {
            Object best = null;
            for (Object v : values) {
                if (v == null) {
                    continue;
                }
                int c = best == null ? 0 : byCatalog ? io.shale.engine.function.ValueOrder.compare(ctx, type, v, best)
                        : TypeOps.compare(type, v, best);
                if (best == null || (greatest ? c > 0 : c < 0)) {
                    best = v;
                }
            }
            return best;
        }, expressions.coerceAll(args, type, g.position()), type, false, false);
    }

    /** {@code (record).field} of a record whose fields the analyzer knows (a set-returning function's row). */
    Expr fieldOfSetFunction(Expr base, String field, int position) {
        List<OutputColumn> fields = context.recordFields(base.type());
        if (fields == null) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "field selection from "
                    + TypeNames.format(base.type()) + " values is not supported").withPosition(position);
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return new Expr.FieldOf(base, i, fields.get(i).type());
            }
        }
        throw new ShaleException(ErrorCode.UNDEFINED_COLUMN, "column \"" + field + "\" not found in data type record")
                .withPosition(position);
    }

    static boolean containsAggregate(Expr e) {
        return switch (e) {
            case Expr.AggregateRef a -> true;
            case Expr.Call c -> c.arguments().stream().anyMatch(FunctionCallAnalyzer::containsAggregate);
            case Expr.Cast c -> containsAggregate(c.input());
            default -> false;
        };
    }
}
