package io.shale.engine.exec;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.ArrayValue;
import io.shale.common.types.RowValue;
import io.shale.common.types.SqlType;
import io.shale.engine.function.ScalarFunction;
import io.shale.engine.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/** Turns analysed expressions into evaluators. Stateless. */
public final class ExpressionCompiler {
    private final OperatorFactory operators;

    ExpressionCompiler(OperatorFactory operators) {
        this.operators = operators;
    }

    public Evaluator compile(Expr expr) {
        return switch (expr) {
            case Expr.Literal l -> {
                Object value = l.value();
                yield (row, ctx) -> value;
            }
            case Expr.ColumnRef c -> {
                int index = c.index();
                yield (row, ctx) -> row[index];
            }
            case Expr.OuterRef o -> {
                int depth = o.depth();
                int index = o.index();
                yield (row, ctx) -> ctx.outerRow(depth)[index];
            }
            case Expr.Param p -> {
                int index = p.index();
                yield (row, ctx) -> ctx.parameter(index);
            }
            case Expr.Call call -> compileCall(call);
            case Expr.Cast cast -> compileCast(cast);
            case Expr.And and -> compileAnd(compileAll(and.terms()));
            case Expr.Or or -> compileOr(compileAll(or.terms()));
            case Expr.Not not -> {
                Evaluator input = compile(not.input());
                yield (row, ctx) -> {
                    Object v = input.eval(row, ctx);
                    return v == null ? null : !(Boolean) v;
                };
            }
            case Expr.IsNull isNull -> compileIsNull(isNull);
            case Expr.Distinctness d -> {
                Evaluator left = compile(d.left());
                Evaluator right = compile(d.right());
                ScalarFunction eq = d.equality();
                boolean negated = d.negated();
                yield (row, ctx) -> {
                    Object a = left.eval(row, ctx);
                    Object b = right.eval(row, ctx);
                    boolean distinct;
                    if (a == null || b == null) {
                        distinct = (a == null) != (b == null);
                    } else {
                        distinct = !Boolean.TRUE.equals(eq.apply(ctx.session(), new Object[] {a, b}));
                    }
                    return negated != distinct;
                };
            }
            case Expr.Case c -> compileCase(c);
            case Expr.Coalesce c -> {
                Evaluator[] args = compileAll(c.arguments());
                yield (row, ctx) -> {
                    for (Evaluator e : args) {
                        Object v = e.eval(row, ctx);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
            }
            case Expr.NullIf n -> {
                Evaluator left = compile(n.left());
                Evaluator right = compile(n.right());
                ScalarFunction eq = n.equality();
                yield (row, ctx) -> {
                    Object a = left.eval(row, ctx);
                    Object b = right.eval(row, ctx);
                    if (a != null && b != null && Boolean.TRUE.equals(eq.apply(ctx.session(), new Object[] {a, b}))) {
                        return null;
                    }
                    return a;
                };
            }
            case Expr.InList in -> compileInList(in);
            case Expr.SubqueryExpr s -> new SubqueryEvaluator(s, operators, s.input() == null ? null : compile(s.input()));
            case Expr.ArrayOf a -> {
                Evaluator[] elements = compileAll(a.elements());
                int elementOid = a.elementOid();
                yield (row, ctx) -> {
                    Object[] values = new Object[elements.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = elements[i].eval(row, ctx);
                    }
                    return ArrayOps.build(elementOid, values);
                };
            }
            case Expr.Subscript s -> compileSubscript(s);
            case Expr.RowOf r -> {
                Evaluator[] fields = compileAll(r.fields());
                yield (row, ctx) -> {
                    Object[] values = new Object[fields.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = fields[i].eval(row, ctx);
                    }
                    return new RowValue(values);
                };
            }
            case Expr.AnyAll a -> compileAnyAll(a);
            case Expr.FieldOf f -> {
                Evaluator input = compile(f.input());
                int field = f.field();
                yield (row, ctx) -> {
                    Object v = input.eval(row, ctx);
                    return v == null ? null : ((RowValue) v).fields()[field];
                };
            }
            case Expr.AggregateRef a -> throw new IllegalStateException("aggregate reference outside aggregation");
            case Expr.WindowRef w -> throw new IllegalStateException("window reference outside a window node");
            case Expr.SessionValue s -> SessionValues.compile(s);
            case Expr.SetCall c -> throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "set-returning functions are not allowed in this position: " + c.name());
        };
    }

    Evaluator[] compileAll(List<Expr> exprs) {
        Evaluator[] result = new Evaluator[exprs.size()];
        for (int i = 0; i < result.length; i++) {
            Expr e = exprs.get(i);
            result[i] = e == null ? null : compile(e);
        }
        return result;
    }

    private Evaluator compileCall(Expr.Call call) {
        Evaluator[] args = compileAll(call.arguments());
        List<io.shale.common.types.SqlType> types = new ArrayList<>(call.arguments().size());
        for (Expr a : call.arguments()) {
            types.add(a.type());
        }
        ScalarFunction function = call.function().specialize(types);
        boolean strict = call.strict();
        return (row, ctx) -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < values.length; i++) {
                Object v = args[i].eval(row, ctx);
                if (v == null && strict) {
                    return null;
                }
                values[i] = v;
            }
            return function.apply(ctx.session(), values);
        };
    }

    private Evaluator compileCast(Expr.Cast cast) {
        Evaluator input = compile(cast.input());
        SqlType from = cast.input().type();
        SqlType to = cast.type();
        boolean explicit = cast.explicit();
        if (from.equals(to)) {
            return input;
        }
        return (row, ctx) -> {
            Object v = input.eval(row, ctx);
            return v == null ? null : TypeOps.cast(v, from, to, explicit, ctx.formatSettings());
        };
    }

    private static Evaluator compileAnd(Evaluator[] terms) {
        return (row, ctx) -> {
            boolean sawNull = false;
            for (Evaluator t : terms) {
                Object v = t.eval(row, ctx);
                if (v == null) {
                    sawNull = true;
                } else if (!(Boolean) v) {
                    return false;
                }
            }
            return sawNull ? null : true;
        };
    }

    private static Evaluator compileOr(Evaluator[] terms) {
        return (row, ctx) -> {
            boolean sawNull = false;
            for (Evaluator t : terms) {
                Object v = t.eval(row, ctx);
                if (v == null) {
                    sawNull = true;
                } else if ((Boolean) v) {
                    return true;
                }
            }
            return sawNull ? null : false;
        };
    }

    private Evaluator compileIsNull(Expr.IsNull isNull) {
        Evaluator input = compile(isNull.input());
        boolean negated = isNull.negated();
        return (row, ctx) -> {
            Object v = input.eval(row, ctx);
            if (v instanceof RowValue r) {
                boolean allNull = true;
                boolean noneNull = true;
                for (Object f : r.fields()) {
                    allNull &= f == null;
                    noneNull &= f != null;
                }
                return negated ? noneNull : allNull;
            }
            return negated == (v != null);
        };
    }

    private Evaluator compileCase(Expr.Case c) {
        Evaluator[] conditions = compileAll(c.conditions());
        Evaluator[] results = compileAll(c.results());
        Evaluator otherwise = c.otherwise() == null ? null : compile(c.otherwise());
        return (row, ctx) -> {
            for (int i = 0; i < conditions.length; i++) {
                if (Boolean.TRUE.equals(conditions[i].eval(row, ctx))) {
                    return results[i].eval(row, ctx);
                }
            }
            return otherwise == null ? null : otherwise.eval(row, ctx);
        };
    }

    private Evaluator compileInList(Expr.InList in) {
        Evaluator input = compile(in.input());
        Evaluator[] values = compileAll(in.values());
        ScalarFunction eq = in.equality();
        boolean negated = in.negated();
        return (row, ctx) -> {
            Object v = input.eval(row, ctx);
            if (v == null) {
                return null;
            }
            boolean sawNull = false;
            for (Evaluator e : values) {
                Object candidate = e.eval(row, ctx);
                if (candidate == null) {
                    sawNull = true;
                    continue;
                }
                Object r = eq.apply(ctx.session(), new Object[] {v, candidate});
                if (r == null) {
                    sawNull = true;
                } else if ((Boolean) r) {
                    return !negated;
                }
            }
            return sawNull ? null : negated;
        };
    }

    private Evaluator compileSubscript(Expr.Subscript s) {
        Evaluator array = compile(s.array());
        Evaluator lower = s.lower() == null ? null : compile(s.lower());
        Evaluator upper = s.upper() == null ? null : compile(s.upper());
        boolean slice = s.slice();
        return (row, ctx) -> {
            Object a = array.eval(row, ctx);
            if (a == null) {
                return null;
            }
            Object lo = lower == null ? null : lower.eval(row, ctx);
            if (!slice) {
                return lo == null ? null : ArrayOps.element((ArrayValue) a, ((Number) lo).intValue());
            }
            Object hi = upper == null ? null : upper.eval(row, ctx);
            return ArrayOps.slice((ArrayValue) a, lo == null ? null : ((Number) lo).intValue(),
                    hi == null ? null : ((Number) hi).intValue());
        };
    }

    private Evaluator compileAnyAll(Expr.AnyAll a) {
        Evaluator input = compile(a.input());
        Evaluator array = compile(a.array());
        ScalarFunction comparison = a.comparison();
        boolean all = a.all();
        return (row, ctx) -> {
            Object v = input.eval(row, ctx);
            Object arr = array.eval(row, ctx);
            if (arr == null) {
                return null;
            }
            return Quantified.test(v, ((ArrayValue) arr).elements(), comparison, all, ctx);
        };
    }

    /** Evaluates {@code v op ANY|ALL (elements)} with SQL's null rules. */
    static final class Quantified {
        private Quantified() {
        }

        static Object test(Object v, Object[] elements, ScalarFunction comparison, boolean all, ExecContext ctx) {
            if (elements.length == 0) {
                return all;
            }
            if (v == null) {
                return null;
            }
            boolean sawNull = false;
            for (Object element : elements) {
                Object r = element == null ? null : comparison.apply(ctx.session(), new Object[] {v, element});
                if (r == null) {
                    sawNull = true;
                } else if ((Boolean) r != all) {
                    return !all;
                }
            }
            return sawNull ? null : all;
        }

        static Object test(Object v, List<Object> elements, ScalarFunction comparison, boolean all, ExecContext ctx) {
            return test(v, elements.toArray(), comparison, all, ctx);
        }
    }

    static ShaleException tooManyRows() {
        return new ShaleException(ErrorCode.CARDINALITY_VIOLATION,
                "more than one row returned by a subquery used as an expression");
    }

    static List<Object> column0(List<Object[]> rows) {
        List<Object> values = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            values.add(r[0]);
        }
        return values;
    }
}
