package io.shale.engine.deparse;

import io.shale.engine.deparse.Printed.Kind;
import io.shale.engine.deparse.Printed.Precedence;
import io.shale.grammar.SqlFormatter;
import io.shale.grammar.ast.Between;
import io.shale.grammar.ast.BinaryOperation;
import io.shale.grammar.ast.BooleanLiteral;
import io.shale.grammar.ast.Case;
import io.shale.grammar.ast.Cast;
import io.shale.grammar.ast.Coalesce;
import io.shale.grammar.ast.ColumnReference;
import io.shale.grammar.ast.DecimalLiteral;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.FunctionCall;
import io.shale.grammar.ast.InList;
import io.shale.grammar.ast.IntegerLiteral;
import io.shale.grammar.ast.IsNull;
import io.shale.grammar.ast.Like;
import io.shale.grammar.ast.LikeKind;
import io.shale.grammar.ast.LogicalBinary;
import io.shale.grammar.ast.LogicalOperator;
import io.shale.grammar.ast.Not;
import io.shale.grammar.ast.StringLiteral;
import io.shale.grammar.ast.UnaryOperation;
import io.shale.grammar.ast.WhenClause;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prints an expression the way PostgreSQL's ruleutils does after parse analysis: implicit casts
 * made visible ({@code (c)::text}, {@code (0)::numeric}), quoted literals labelled with their
 * type, operators fully parenthesized, or in pretty mode only where precedence needs it.
 */
final class ExpressionPrinter {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", ">", "<=", ">=");
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%");
    private static final Set<String> TEXT_FUNCTIONS = Set.of("lower", "upper", "btrim", "ltrim", "rtrim", "initcap",
            "md5", "substr", "replace", "left", "right", "reverse", "split_part", "length", "char_length", "strpos");
    private static final Set<String> INTEGER_RESULTS = Set.of("length", "char_length", "strpos");

    /** Resolves column references: the printed reference and its type, or null when unknown. */
    interface Columns {
        Printed column(List<String> parts);
    }

    private final Columns columns;
    private final boolean pretty;
    private final boolean indent;

    /** @param indent lay CASE out over several lines, as pg_get_viewdef does */
    ExpressionPrinter(Columns columns, boolean pretty, boolean indent) {
        this.columns = columns;
        this.pretty = pretty;
        this.indent = indent;
    }

    Printed print(Expression e) {
        return switch (e) {
            case ColumnReference c -> column(c);
            case IntegerLiteral i when i.text().startsWith("-") -> Printed.primary("'" + i.text() + "'::integer", "integer");
            case DecimalLiteral d when d.text().startsWith("-") -> Printed.primary("'" + d.text() + "'::numeric", "numeric");
            case IntegerLiteral i -> new Printed(i.text(), i.text().length() > 9 && Long.parseLong(i.text()) > Integer.MAX_VALUE
                    ? "bigint" : "integer", Precedence.PRIMARY, Kind.NUMBER);
            case DecimalLiteral d -> new Printed(d.text(), "numeric", Precedence.PRIMARY, Kind.NUMBER);
            case StringLiteral s -> new Printed(quote(s.value()), null, Precedence.PRIMARY, Kind.STRING);
            case BooleanLiteral b -> Printed.primary(b.value() ? "true" : "false", "boolean");
            case UnaryOperation u when u.operator().symbol().equals("-") && u.operand() instanceof IntegerLiteral i ->
                    Printed.primary("'-" + i.text() + "'::integer", "integer");
            case UnaryOperation u when u.operator().symbol().equals("-") && u.operand() instanceof DecimalLiteral d ->
                    Printed.primary("'-" + d.text() + "'::numeric", "numeric");
            case UnaryOperation u -> {
                Printed operand = print(u.operand());
                yield Printed.primary("(" + u.operator().symbol() + " " + operand.text() + ")", operand.type());
            }
            case Cast c when c.expression() instanceof StringLiteral s && s.value().startsWith("public.")
                    && TypeLabels.of(c.type()).equals("regclass") -> cast(new Printed(quote(s.value().substring(7)), null,
                    Precedence.PRIMARY, Kind.STRING), "regclass");
            case Cast c -> cast(print(c.expression()), TypeLabels.of(c.type()));
            case BinaryOperation b -> binary(b);
            case LogicalBinary l -> logical(l);
            case Not n -> {
                Printed operand = print(n.operand());
                yield pretty ? new Printed("NOT " + wrap(operand, Precedence.IS), "boolean", Precedence.NOT, Kind.OTHER)
                        : Printed.primary("(NOT " + operand.text() + ")", "boolean");
            }
            case IsNull n -> {
                String text = wrap(print(n.value()), Precedence.COMPARISON) + (n.negated() ? " IS NOT NULL" : " IS NULL");
                yield pretty ? new Printed(text, "boolean", Precedence.IS, Kind.OTHER) : Printed.primary("(" + text + ")", "boolean");
            }
            case Like l when l.escape() == null && l.kind() != LikeKind.SIMILAR_TO -> {
                String symbol = (l.negated() ? "!" : "") + (l.kind() == LikeKind.LIKE ? "~~" : "~~*");
                yield operator(symbol, print(l.value()), print(l.pattern()));
            }
            case Between b when !b.symmetric() -> between(b);
            case InList in -> inList(in);
            case FunctionCall f -> function(f);
            case Case c when c.operand() == null -> caseExpression(c);
            case Coalesce c -> {
                List<Printed> args = new ArrayList<>();
                for (Expression a : c.operands()) {
                    args.add(print(a));
                }
                String type = null;
                for (Printed a : args) {
                    type = type == null ? a.type() : type;
                }
                StringBuilder sb = new StringBuilder("COALESCE(");
                for (int i = 0; i < args.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(type == null ? args.get(i).text() : coerce(args.get(i), type).text());
                }
                yield Printed.primary(sb.append(')').toString(), type);
            }
            default -> Printed.primary(SqlFormatter.format(e), null);
        };
    }

    private Printed caseExpression(Case c) {
        List<Printed> results = new ArrayList<>();
        for (WhenClause w : c.whenClauses()) {
            results.add(print(w.result()));
        }
        if (c.elseResult() != null) {
            results.add(print(c.elseResult()));
        }
        String type = null;
        for (Printed r : results) {
            type = type != null ? type : r.type();
        }
        type = type == null ? "text" : type;
        StringBuilder sb = new StringBuilder(indent ? "    CASE" : "CASE");
        String gap = indent ? "\n            " : " ";
        for (int i = 0; i < c.whenClauses().size(); i++) {
            Printed condition = print(c.whenClauses().get(i).condition());
            sb.append(gap).append("WHEN ").append(condition.text()).append(" THEN ")
                    .append(coerce(results.get(i), type).text());
        }
        if (c.elseResult() != null) {
            sb.append(gap).append("ELSE ").append(coerce(results.getLast(), type).text());
        }
        sb.append(indent ? "\n        END" : " END");
        return Printed.primary(sb.toString(), type);
    }

    private Printed column(ColumnReference c) {
        Printed p = columns.column(c.name().parts());
        return p != null ? p : new Printed(SqlFormatter.format(c), null, Precedence.PRIMARY, Kind.COLUMN);
    }

    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A cast written in the source or made implicit by PostgreSQL's analysis. */
    Printed cast(Printed input, String type) {
        if (input.kind() == Kind.STRING) {
            return Printed.primary(input.text() + "::" + type, type);
        }
        if (type.equals(input.type()) && input.kind() != Kind.NUMBER) {
            return input;
        }
        if (input.kind() == Kind.NUMBER && type.equals(input.type())) {
            return input;
        }
        boolean bare = pretty && input.precedence() == Precedence.PRIMARY;
        String text = (bare ? input.text() : "(" + input.text() + ")") + "::" + type;
        return Printed.primary(text, type);
    }

    /** An operand brought to {@code type} as an implicit coercion. */
    Printed coerce(Printed p, String type) {
        if (type == null || type.equals(p.type())) {
            return p;
        }
        if (p.kind() == Kind.NUMBER && p.text().indexOf('.') >= 0 && type.equals("numeric")) {
            return p;
        }
        return cast(p, type);
    }

    private Printed binary(BinaryOperation b) {
        String symbol = b.operator().symbol().equals("!=") ? "<>" : b.operator().symbol();
        return operator(symbol, print(b.left()), print(b.right()));
    }

    private Printed operator(String symbol, Printed left, Printed right) {
        boolean comparison = COMPARISONS.contains(symbol) || symbol.contains("~~");
        boolean arithmetic = ARITHMETIC.contains(symbol);
        String type = null;
        if (symbol.equals("||") && isTextual(left) && isTextual(right)) {
            left = coerce(left, "text");
            right = coerce(right, "text");
            type = "text";
        }
        if (comparison || arithmetic) {
            String target = operandType(left, right);
            if (target != null) {
                left = coerce(left, target);
                right = coerce(right, target);
                type = target;
            }
        }
        Precedence level = comparison ? Precedence.COMPARISON : !arithmetic ? Precedence.OPERATOR
                : symbol.equals("+") || symbol.equals("-") ? Precedence.ADDITIVE : Precedence.MULTIPLICATIVE;
        String resultType = comparison ? "boolean" : type;
        if (!pretty) {
            return Printed.primary("(" + left.text() + " " + symbol + " " + right.text() + ")", resultType);
        }
        String l = arithmetic ? wrapArithmetic(left, level, false) : wrapOperand(left);
        String r = arithmetic ? wrapArithmetic(right, level, true) : wrapOperand(right);
        return new Printed(l + " " + symbol + " " + r, resultType, level, Kind.OTHER);
    }

    /** The type both operands of a comparison or arithmetic operator are brought to, or null. */
    private static String operandType(Printed left, Printed right) {
        String l = left.type();
        String r = right.type();
        if (l == null && r == null) {
            return left.kind() == Kind.STRING && right.kind() == Kind.STRING ? "text" : null;
        }
        if (l == null || r == null) {
            String known = l == null ? r : l;
            Printed unknown = l == null ? left : right;
            if (unknown.kind() != Kind.STRING) {
                return null;
            }
            return isCharacter(known) ? "text" : known;
        }
        if (l.equals(r)) {
            return isCharacter(l) ? "text" : l;
        }
        if (TypeLabels.isNumeric(l) && TypeLabels.isNumeric(r)) {
            if (TypeLabels.isInteger(l) && TypeLabels.isInteger(r)) {
                return null;
            }
            return TypeLabels.numericRank(l) >= TypeLabels.numericRank(r) ? l : r;
        }
        if ((isCharacter(l) || l.equals("text")) && (isCharacter(r) || r.equals("text"))) {
            return "text";
        }
        return null;
    }

    /** A quoted literal or a value of a string type (the operands {@code ||} concatenates as text). */
    private static boolean isTextual(Printed p) {
        return p.kind() == Kind.STRING || p.type() != null && (p.type().equals("text") || isCharacter(p.type()));
    }

    private static boolean isCharacter(String type) {
        return type.equals("character varying") || type.equals("character");
    }

    private String wrapOperand(Printed p) {
        return p.precedence() == Precedence.PRIMARY ? p.text() : "(" + p.text() + ")";
    }

    private String wrapArithmetic(Printed p, Precedence parent, boolean right) {
        if (p.precedence() == Precedence.PRIMARY) {
            return p.text();
        }
        boolean arithmetic = p.precedence() == Precedence.ADDITIVE || p.precedence() == Precedence.MULTIPLICATIVE;
        if (arithmetic && (p.precedence().compareTo(parent) > 0 || p.precedence() == parent && !right)) {
            return p.text();
        }
        return "(" + p.text() + ")";
    }

    /** Pretty printing: the text of {@code p} inside a node that binds at {@code level}. */
    private String wrap(Printed p, Precedence level) {
        return p.precedence().compareTo(level) > 0 ? p.text() : "(" + p.text() + ")";
    }

    private Printed logical(LogicalBinary l) {
        List<Printed> terms = new ArrayList<>();
        flatten(l, l.operator(), terms);
        String word = l.operator() == LogicalOperator.AND ? " AND " : " OR ";
        return bool(terms, word, l.operator() == LogicalOperator.AND ? Precedence.AND : Precedence.OR);
    }

    private Printed bool(List<Printed> terms, String word, Precedence level) {
        StringBuilder sb = new StringBuilder();
        for (Printed t : terms) {
            sb.append(sb.isEmpty() ? "" : word);
            if (!pretty) {
                sb.append(t.text());
            } else {
                boolean bare = t.precedence().compareTo(level) >= 0 && !t.text().contains(" = ANY (");
                sb.append(bare ? t.text() : "(" + t.text() + ")");
            }
        }
        return pretty ? new Printed(sb.toString(), "boolean", level, Kind.OTHER)
                : Printed.primary("(" + sb + ")", "boolean");
    }

    private void flatten(Expression e, LogicalOperator operator, List<Printed> terms) {
        if (e instanceof LogicalBinary l && l.operator() == operator) {
            flatten(l.left(), operator, terms);
            flatten(l.right(), operator, terms);
        } else {
            terms.add(print(e));
        }
    }

    private Printed between(Between b) {
        Printed value = print(b.value());
        Printed low = operator(b.negated() ? "<" : ">=", value, print(b.lower()));
        Printed high = operator(b.negated() ? ">" : "<=", value, print(b.upper()));
        return bool(List.of(low, high), b.negated() ? " OR " : " AND ", b.negated() ? Precedence.OR : Precedence.AND);
    }

    private Printed inList(InList in) {
        if (in.list().size() == 1) {
            return operator(in.negated() ? "<>" : "=", print(in.value()), print(in.list().getFirst()));
        }
        Printed value = print(in.value());
        List<Printed> items = new ArrayList<>();
        for (Expression e : in.list()) {
            items.add(print(e));
        }
        String type = value.type();
        for (Printed p : items) {
            type = type != null ? type : p.type();
        }
        if (type == null) {
            return Printed.primary(SqlFormatter.format(in), "boolean");
        }
        boolean character = type.equals("character varying") || type.equals("character");
        StringBuilder array = new StringBuilder("ARRAY[");
        for (int i = 0; i < items.size(); i++) {
            array.append(i == 0 ? "" : ", ").append(coerce(items.get(i), type).text());
        }
        array.append(']');
        String arrayText = array.toString();
        if (character) {
            value = coerce(value, "text");
            arrayText = pretty ? arrayText + "::text[]" : "(" + arrayText + ")::text[]";
        }
        String text = value.text() + (in.negated() ? " <> ALL (" : " = ANY (") + arrayText + ")";
        return pretty ? new Printed(text, "boolean", Precedence.COMPARISON, Kind.OTHER)
                : Printed.primary("(" + text + ")", "boolean");
    }

    private Printed function(FunctionCall f) {
        String name = f.name().parts().getLast();
        if (f.star()) {
            return Printed.primary(name + "(*)", "bigint");
        }
        boolean text = TEXT_FUNCTIONS.contains(name);
        StringBuilder sb = new StringBuilder(name).append('(');
        if (f.distinct()) {
            sb.append("DISTINCT ");
        }
        for (int i = 0; i < f.arguments().size(); i++) {
            Printed a = print(f.arguments().get(i));
            if (text && (i == 0 || a.kind() == Kind.STRING) && (a.type() == null || !a.type().equals("integer"))) {
                a = coerce(a, "text");
            }
            sb.append(i == 0 ? "" : ", ").append(a.text());
        }
        String type = INTEGER_RESULTS.contains(name) ? "integer" : text ? "text"
                : name.equals("now") ? "timestamp with time zone" : null;
        return Printed.primary(sb.append(')').toString(), type);
    }
}
