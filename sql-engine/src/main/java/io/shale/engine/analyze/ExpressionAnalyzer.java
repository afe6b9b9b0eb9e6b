package io.shale.engine.analyze;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.plan.Expr;
import io.shale.grammar.ast.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns AST expressions into typed IR within a scope. Aggregate and window calls are handed to
 * the {@link Collector} of the query being analysed; where there is none, they are refused with
 * PostgreSQL's message for that clause.
 */
final class ExpressionAnalyzer {
    final AnalyzerContext context;
    final TypeCoercion coercion;
    final QueryAnalyzer queries;
    private final FunctionCallAnalyzer calls;

    ExpressionAnalyzer(AnalyzerContext context, QueryAnalyzer queries) {
        this.context = context;
        this.coercion = new TypeCoercion(context);
        this.queries = queries;
        this.calls = new FunctionCallAnalyzer(this);
    }

    /**
     * Where aggregate and window calls go while one clause is analysed.
     *
     * @param clause the clause, for the "not allowed in …" messages
     */
    record Clause(String clause, Collector collector) {
    }

    /** Collects the aggregate and window calls of a query level. */
    interface Collector {
        Expr aggregate(io.shale.grammar.ast.FunctionCall call, ResolvedFunction function, List<Expr> arguments,
                       Scope scope);

        Expr window(io.shale.grammar.ast.FunctionCall call, ResolvedFunction function, List<Expr> arguments,
                    Scope scope);

        /** The scope in which aggregate arguments are analysed (the FROM row). */
        Scope inputScope();
    }

    Expr analyze(Expression e, Scope scope, Clause clause) {
        return switch (e) {
            case IntegerLiteral i -> integer(i);
            case DecimalLiteral d -> new Expr.Literal(new BigDecimal(d.text()), SqlType.NUMERIC);
            case StringLiteral s -> new Expr.Literal(s.value(), SqlType.UNKNOWN);
            case BitStringLiteral b -> throw unsupported("bit string literals", b.position());
            case BooleanLiteral b -> new Expr.Literal(b.value(), SqlType.BOOL);
            case NullLiteral n -> new Expr.Literal(null, SqlType.UNKNOWN);
            case TypedLiteral t -> coercion.coerce(new Expr.Literal(t.value(), SqlType.UNKNOWN),
                    context.resolveType(t.type()), TypeCoercion.Mode.EXPLICIT, t.position());
            case Parameter p -> parameter(p);
            case ColumnReference c -> scope.resolve(c.name().parts(), c.position());
            case QualifiedStar q -> {
                List<Expr> fields = new ArrayList<>();
                for (Scope.StarColumn s : Scope.entryColumns(scope.entry(q.qualifier().parts(), q.position()), List.of())) {
                    fields.add(s.expr());
                }
                yield new Expr.RowOf(fields, SqlType.of(TypeOids.RECORD));
            }
            case FieldReference f -> fieldReference(f, scope, clause);
            case FieldStar f -> throw unsupported("field selection with *", f.position());
            case Subscript s -> subscript(s.base(), s.index(), null, false, s.position(), scope, clause);
            case Slice s -> subscript(s.base(), s.lower(), s.upper(), true, s.position(), scope, clause);
            case FunctionCall f -> calls.analyze(f, scope, clause);
            case NamedArgument n -> throw new ShaleException(ErrorCode.SYNTAX_ERROR,
                    "syntax error at or near \"=>\"").withPosition(n.position());
            case CurrentValue c -> currentValue(c);
            case Coalesce c -> {
                List<Expr> args = analyzeAll(c.operands(), scope, clause);
                SqlType type = common(args, "COALESCE", c.position());
                yield new Expr.Coalesce(coerceAll(args, type, c.position()), type);
            }
            case NullIf n -> {
                Expr left = analyze(n.first(), scope, clause);
                Expr right = analyze(n.second(), scope, clause);
                ResolvedFunction eq = context.functions.operator("=", left.type(), right.type());
                left = coercion.coerce(left, eq.argumentTypes().get(0), TypeCoercion.Mode.IMPLICIT, n.position());
                right = coercion.coerce(right, eq.argumentTypes().get(1), TypeCoercion.Mode.IMPLICIT, n.position());
                yield new Expr.NullIf(left, right, eq.scalar(), left.type());
            }
            case GreatestLeast g -> calls.greatestLeast(g, scope, clause);
            case Cast c -> {
                Expr input = analyze(c.expression(), scope, clause);
                int position = input instanceof Expr.Literal l && TypeCoercion.isUnknown(l.type())
                        ? c.expression().position() : c.position();
                yield coercion.coerce(input, context.resolveType(c.type()), TypeCoercion.Mode.EXPLICIT, position);
            }
            case Collate c -> collate(c, scope, clause);
            case BinaryOperation b -> binary(b, scope, clause);
            case UnaryOperation u -> {
                Expr operand = analyze(u.operand(), scope, clause);
                if (u.operator().symbol().equals("-") && operand instanceof Expr.Literal l && l.value() instanceof Number) {
                    yield negate(l);
                }
                yield operatorCall(u.operator().symbol(), null, operand, u.position());
            }
            case LogicalBinary l -> logical(l, scope, clause);
            case Not n -> new Expr.Not(coercion.condition(analyze(n.operand(), scope, clause), "NOT", n.position()));
            case Like l -> like(l, scope, clause);
            case Between b -> between(b, scope, clause);
            case IsNull n -> new Expr.IsNull(analyze(n.value(), scope, clause), n.negated());
            case IsBoolean b -> isBoolean(b, scope, clause);
            case IsDistinctFrom d -> {
                Expr left = analyze(d.left(), scope, clause);
                Expr right = analyze(d.right(), scope, clause);
                ResolvedFunction eq = context.functions.operator("=", left.type(), right.type());
                left = coercion.coerce(left, eq.argumentTypes().get(0), TypeCoercion.Mode.IMPLICIT, d.position());
                right = coercion.coerce(right, eq.argumentTypes().get(1), TypeCoercion.Mode.IMPLICIT, d.position());
                yield new Expr.Distinctness(left, right, eq.scalar(), d.negated());
            }
            case InList in -> inList(in, scope, clause);
            case InSubquery in -> {
                Expr subquery = queries.subquery(Expr.SubqueryKind.ANY, in.query(), analyze(in.value(), scope, clause),
                        "=", scope, in.position());
                yield in.negated() ? new Expr.Not(subquery) : subquery;
            }
            case Exists x -> queries.subquery(Expr.SubqueryKind.EXISTS, x.query(), null, null, scope, x.position());
            case ScalarSubquery s -> queries.subquery(Expr.SubqueryKind.SCALAR, s.query(), null, null, scope, s.position());
            case ArraySubquery a -> queries.subquery(Expr.SubqueryKind.ARRAY, a.query(), null, null, scope, a.position());
            case QuantifiedSubquery q -> queries.subquery(q.quantifier() == Quantifier.ALL ? Expr.SubqueryKind.ALL
                    : Expr.SubqueryKind.ANY, q.query(), analyze(q.left(), scope, clause), q.operator().symbol(), scope,
                    q.position());
            case QuantifiedArray q -> quantifiedArray(q, scope, clause);
            case ArrayConstructor a -> arrayConstructor(a, scope, clause);
            case RowConstructor r -> new Expr.RowOf(analyzeAll(r.fields(), scope, clause), SqlType.of(TypeOids.RECORD));
            case Case c -> caseExpr(c, scope, clause);
            case DefaultValue d -> throw new ShaleException(ErrorCode.SYNTAX_ERROR,
                    "DEFAULT is not allowed in this context").withPosition(d.position());
        };
    }

    List<Expr> analyzeAll(List<Expression> exprs, Scope scope, Clause clause) {
        List<Expr> result = new ArrayList<>(exprs.size());
        for (Expression e : exprs) {
            result.add(analyze(e, scope, clause));
        }
        return result;
    }

    SqlType common(List<Expr> exprs, String construct, int position) {
        List<SqlType> types = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            types.add(e.type());
        }
        return coercion.commonType(types, construct, position);
    }

    List<Expr> coerceAll(List<Expr> exprs, SqlType type, int position) {
        List<Expr> result = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            result.add(coercion.coerce(e, type, TypeCoercion.Mode.IMPLICIT, position));
        }
        return result;
    }

    static ShaleException unsupported(String what, int position) {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " are not supported").withPosition(position);
    }

    private static Expr integer(IntegerLiteral i) {
        String text = i.text();
        try {
            long v = Long.parseLong(text);
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE
                    ? new Expr.Literal((int) v, SqlType.INT4) : new Expr.Literal(v, SqlType.INT8);
        } catch (NumberFormatException e) {
            return new Expr.Literal(new BigDecimal(text), SqlType.NUMERIC);
        }
    }

    private static Expr negate(Expr.Literal l) {
        return switch (l.value()) {
            case Integer v when v != Integer.MIN_VALUE -> new Expr.Literal(-v, l.type());
            case Long v when v == -(long) Integer.MIN_VALUE -> new Expr.Literal(Integer.MIN_VALUE, SqlType.INT4);
            case Long v when v != Long.MIN_VALUE -> new Expr.Literal(-v, l.type());
            case BigDecimal v when v.equals(new BigDecimal("9223372036854775808")) -> new Expr.Literal(Long.MIN_VALUE, SqlType.INT8);
            case BigDecimal v -> new Expr.Literal(v.negate(), l.type());
            default -> new Expr.Literal(l.value(), l.type());
        };
    }

    private Expr parameter(Parameter p) {
        if (p.index() < 1) {
            throw new ShaleException(ErrorCode.UNDEFINED_PARAMETER, "there is no parameter $" + p.index())
                    .withPosition(p.position());
        }
        return new Expr.Param(p.index() - 1, context.parameterType(p.index() - 1));
    }

    Expr operatorCall(String symbol, Expr left, Expr right, int position) {
        return operatorCall(symbol, left, right, position, position, position);
    }

    /** An operator call; unknown literals that fail to convert are reported at their own positions. */
    Expr operatorCall(String symbol, Expr left, Expr right, int position, int leftPosition, int rightPosition) {
        ResolvedFunction op;
        try {
            op = context.functions.operator(symbol, left == null ? null : left.type(), right.type());
        } catch (ShaleException e) {
            throw e.position() > 0 ? e : e.withPosition(position);
        }
        List<Expr> args = new ArrayList<>(2);
        int i = 0;
        if (left != null) {
            args.add(coercion.coerce(left, op.argumentTypes().get(i++), TypeCoercion.Mode.IMPLICIT, leftPosition));
        }
        args.add(coercion.coerce(right, op.argumentTypes().get(i), TypeCoercion.Mode.IMPLICIT, rightPosition));
        return new Expr.Call(symbol, op.scalar(), args, op.returnType(), op.strict(), op.volatileFunction());
    }

    private Expr binary(BinaryOperation b, Scope scope, Clause clause) {
        Expr left = analyze(b.left(), scope, clause);
        Expr right = analyze(b.right(), scope, clause);
        return operatorCall(b.operator().symbol(), left, right, b.position(), b.left().position(), b.right().position());
    }

    private Expr logical(LogicalBinary l, Scope scope, Clause clause) {
        String name = l.operator() == LogicalOperator.AND ? "AND" : "OR";
        Expr left = coercion.condition(analyze(l.left(), scope, clause), name, l.position());
        Expr right = coercion.condition(analyze(l.right(), scope, clause), name, l.position());
        List<Expr> terms = new ArrayList<>();
        for (Expr t : List.of(left, right)) {
            if (l.operator() == LogicalOperator.AND && t instanceof Expr.And a) {
                terms.addAll(a.terms());
            } else if (l.operator() == LogicalOperator.OR && t instanceof Expr.Or o) {
                terms.addAll(o.terms());
            } else {
                terms.add(t);
            }
        }
        return l.operator() == LogicalOperator.AND ? new Expr.And(terms) : new Expr.Or(terms);
    }

    private Expr like(Like l, Scope scope, Clause clause) {
        Expr value = analyze(l.value(), scope, clause);
        Expr pattern = analyze(l.pattern(), scope, clause);
        String symbol;
        switch (l.kind()) {
            case SIMILAR_TO -> {
                List<Expr> args = new ArrayList<>(List.of(pattern));
                if (l.escape() != null) {
                    args.add(analyze(l.escape(), scope, clause));
                }
                pattern = calls.call("similar_to_escape", args, l.position());
                symbol = l.negated() ? "!~" : "~";
            }
            case ILIKE -> symbol = l.negated() ? "!~~*" : "~~*";
            default -> symbol = l.negated() ? "!~~" : "~~";
        }
        if (l.escape() != null && l.kind() != LikeKind.SIMILAR_TO) {
            pattern = calls.call("like_escape", List.of(pattern, analyze(l.escape(), scope, clause)), l.position());
        }
        return operatorCall(symbol, value, pattern, l.position());
    }

    private Expr between(Between b, Scope scope, Clause clause) {
        Expr value = analyze(b.value(), scope, clause);
        Expr lower = analyze(b.lower(), scope, clause);
        Expr upper = analyze(b.upper(), scope, clause);
        Expr range = new Expr.And(List.of(operatorCall(">=", value, lower, b.position()),
                operatorCall("<=", value, upper, b.position())));
        if (b.symmetric()) {
            range = new Expr.Or(List.of(range, new Expr.And(List.of(operatorCall(">=", value, upper, b.position()),
                    operatorCall("<=", value, lower, b.position())))));
        }
        return b.negated() ? new Expr.Not(range) : range;
    }

    private Expr isBoolean(IsBoolean b, Scope scope, Clause clause) {
        Expr value = coercion.condition(analyze(b.value(), scope, clause), "IS " + b.test(), b.position());
        BooleanTestKind test = b.test();
        boolean negated = b.negated();
        return new Expr.Call("booltest", (ctx, args) -> {
            Object v = args[0];
            boolean r = switch (test) {
                case TRUE -> Boolean.TRUE.equals(v);
                case FALSE -> Boolean.FALSE.equals(v);
                case UNKNOWN -> v == null;
            };
            return r != negated;
        }, List.of(value), SqlType.BOOL, false, false);
    }

    private Expr inList(InList in, Scope scope, Clause clause) {
        Expr value = analyze(in.value(), scope, clause);
        List<Expr> values = analyzeAll(in.list(), scope, clause);
        List<Expr> all = new ArrayList<>(values);
        all.add(0, value);
        SqlType type = common(all, "IN", in.position());
        ResolvedFunction eq = context.functions.operator("=", type, type);
        return new Expr.InList(coercion.coerce(value, type, TypeCoercion.Mode.IMPLICIT, in.position()),
                coerceAll(values, type, in.position()), eq.scalar(), in.negated());
    }

    private Expr quantifiedArray(QuantifiedArray q, Scope scope, Clause clause) {
        Expr left = analyze(q.left(), scope, clause);
        Expr array = analyze(q.array(), scope, clause);
        if (TypeCoercion.isUnknown(array.type())) {
            SqlType leftType = TypeCoercion.isUnknown(left.type()) ? SqlType.TEXT : left.type();
            array = coercion.coerce(array, SqlType.of(context.arrayOf(leftType.oid())), TypeCoercion.Mode.IMPLICIT, q.position());
        }
        int element = context.elementOf(array.type().oid());
        if (element == 0) {
            throw new ShaleException(ErrorCode.DATATYPE_MISMATCH, "op ANY/ALL (array) requires array on right side")
                    .withPosition(q.position());
        }
        ResolvedFunction op = context.functions.operator(q.operator().symbol(), left.type(), SqlType.of(element));
        left = coercion.coerce(left, op.argumentTypes().get(0), TypeCoercion.Mode.IMPLICIT, q.position());
        SqlType wantedElement = op.argumentTypes().get(1);
        if (wantedElement.oid() != element) {
            array = coercion.coerce(array, SqlType.of(context.arrayOf(wantedElement.oid())), TypeCoercion.Mode.IMPLICIT,
                    q.position());
        }
        return new Expr.AnyAll(left, array, op.scalar(), q.quantifier() == Quantifier.ALL, q.operator().symbol());
    }

    private Expr arrayConstructor(ArrayConstructor a, Scope scope, Clause clause) {
        List<Expr> elements = analyzeAll(a.elements(), scope, clause);
        if (elements.isEmpty()) {
            return new Expr.ArrayOf(List.of(), SqlType.of(TypeOids.TEXT_ARRAY), TypeOids.TEXT);
        }
        SqlType type = common(elements, "ARRAY", a.position());
        elements = coerceAll(elements, type, a.position());
        int elementOid = context.elementOf(type.oid());
        if (elementOid != 0) {
            return new Expr.ArrayOf(elements, type, elementOid);
        }
        return new Expr.ArrayOf(elements, SqlType.of(context.arrayOf(type.oid())), type.oid());
    }

    private Expr subscript(Expression base, Expression lower, Expression upper, boolean slice, int position,
                           Scope scope, Clause clause) {
        Expr array = analyze(base, scope, clause);
        int element = context.elementOf(array.type().oid());
        if (element == 0) {
            throw new ShaleException(ErrorCode.DATATYPE_MISMATCH, "cannot subscript type "
                    + io.shale.common.types.TypeNames.format(array.type()) + " because it does not support subscripting")
                    .withPosition(position);
        }
        Expr lo = lower == null ? null : coercion.coerce(analyze(lower, scope, clause), SqlType.INT4, TypeCoercion.Mode.IMPLICIT, position);
        Expr hi = upper == null ? null : coercion.coerce(analyze(upper, scope, clause), SqlType.INT4, TypeCoercion.Mode.IMPLICIT, position);
        SqlType type = slice ? array.type() : SqlType.of(element);
        return new Expr.Subscript(array, lo, hi, slice, type);
    }

    private Expr fieldReference(FieldReference f, Scope scope, Clause clause) {
        if (f.base() instanceof ColumnReference c) {
            List<String> parts = new ArrayList<>(c.name().parts());
            parts.add(f.field());
            try {
                return scope.resolve(parts, f.position());
            } catch (ShaleException e) {
                Expr column;
                try {
                    column = scope.resolve(c.name().parts(), f.position());
                } catch (ShaleException notAColumn) {
                    throw e;
                }
                return calls.fieldOfSetFunction(column, f.field(), f.position());
            }
        }
        Expr base = analyze(f.base(), scope, clause);
        if (base instanceof Expr.RowOf row && row.type().oid() != TypeOids.RECORD) {
            throw unsupported("field selection", f.position());
        }
        return calls.fieldOfSetFunction(base, f.field(), f.position());
    }

    private Expr collate(Collate c, Scope scope, Clause clause) {
        String name = c.collation().parts().get(c.collation().parts().size() - 1);
        if (!name.equals("default") && !name.equals("C") && !name.equals("POSIX") && !name.equals("ucs_basic")) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "collation \"" + name + "\" for encoding \"UTF8\" does not exist")
                    .withPosition(c.position());
        }
        return analyze(c.expression(), scope, clause);
    }

    private Expr currentValue(CurrentValue c) {
        return switch (c.kind()) {
            case CURRENT_USER, USER, CURRENT_ROLE -> new Expr.SessionValue(Expr.SessionValueKind.CURRENT_USER, SqlType.NAME);
            case SESSION_USER -> new Expr.SessionValue(Expr.SessionValueKind.SESSION_USER, SqlType.NAME);
            case CURRENT_CATALOG -> new Expr.SessionValue(Expr.SessionValueKind.CURRENT_DATABASE, SqlType.NAME);
            case CURRENT_SCHEMA -> new Expr.SessionValue(Expr.SessionValueKind.CURRENT_SCHEMA, SqlType.NAME);
            case CURRENT_DATE -> new Expr.SessionValue(Expr.SessionValueKind.CURRENT_DATE, SqlType.DATE);
            case CURRENT_TIME -> new Expr.SessionValue(Expr.SessionValueKind.CURRENT_TIME, SqlType.of(TypeOids.TIMETZ));
            case CURRENT_TIMESTAMP -> new Expr.SessionValue(Expr.SessionValueKind.TRANSACTION_TIMESTAMP, SqlType.TIMESTAMPTZ);
            case LOCALTIME -> new Expr.SessionValue(Expr.SessionValueKind.LOCAL_TIME, SqlType.TIME);
            case LOCALTIMESTAMP -> new Expr.SessionValue(Expr.SessionValueKind.LOCAL_TIMESTAMP, SqlType.TIMESTAMP);
        };
    }

    private Expr caseExpr(Case c, Scope scope, Clause clause) {
        Expr operand = c.operand() == null ? null : analyze(c.operand(), scope, clause);
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        for (WhenClause w : c.whenClauses()) {
            Expr condition = analyze(w.condition(), scope, clause);
            if (operand != null) {
                condition = operatorCall("=", operand, condition, c.position());
            } else {
                condition = coercion.condition(condition, "CASE/WHEN", c.position());
            }
            conditions.add(condition);
            results.add(analyze(w.result(), scope, clause));
        }
        Expr otherwise = c.elseResult() == null ? null : analyze(c.elseResult(), scope, clause);
        List<Expr> all = new ArrayList<>(results);
        if (otherwise != null) {
            all.add(otherwise);
        }
        SqlType type = common(all, "CASE", c.position());
        return new Expr.Case(conditions, coerceAll(results, type, c.position()),
                otherwise == null ? null : coercion.coerce(otherwise, type, TypeCoercion.Mode.IMPLICIT, c.position()), type);
    }
}
