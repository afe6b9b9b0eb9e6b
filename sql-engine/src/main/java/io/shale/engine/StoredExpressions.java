package io.shale.engine;

import io.shale.grammar.SqlFormatter;
import io.shale.grammar.ast.BooleanLiteral;
import io.shale.grammar.ast.Cast;
import io.shale.grammar.ast.DecimalLiteral;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.IntegerLiteral;
import io.shale.grammar.ast.StringLiteral;
import io.shale.grammar.ast.TypedLiteral;
import io.shale.grammar.ast.UnaryOperation;

/**
 * The text a column default is stored as: the form PostgreSQL's pg_get_expr prints for it, which
 * also reads back to the same value. A quoted literal becomes {@code 'text'::type} of the column's
 * type (named as {@link DdlExecutor#storedTypeName} names it), a negative number
 * {@code '-1'::integer}; anything else is printed as written.
 */
final class StoredExpressions {
    private StoredExpressions() {
    }

    /** @param columnTypeName the column's type as SQL text, or null to leave a quoted literal uncast */
    static String defaultText(Expression e, String columnTypeName) {
        return switch (e) {
            case StringLiteral s -> literal(s.value(), columnTypeName);
            case TypedLiteral t -> literal(t.value(), null) + "::" + SqlFormatter.format(t.type());
            case Cast c when c.expression() instanceof StringLiteral s -> literal(s.value(), null) + "::" + SqlFormatter.format(c.type());
            case UnaryOperation u when u.operator().symbol().equals("-") && u.operand() instanceof IntegerLiteral i ->
                    "'-" + i.text() + "'::" + integerType(i.text());
            case UnaryOperation u when u.operator().symbol().equals("-") && u.operand() instanceof DecimalLiteral d ->
                    "'-" + d.text() + "'::numeric";
            case IntegerLiteral i when i.text().startsWith("-") -> "'" + i.text() + "'::" + integerType(i.text().substring(1));
            case DecimalLiteral d when d.text().startsWith("-") -> "'" + d.text() + "'::numeric";
            case BooleanLiteral b -> b.value() ? "true" : "false";
            default -> SqlFormatter.format(e);
        };
    }

    private static String integerType(String digits) {
        try {
            long v = Long.parseLong(digits);
            return v <= Integer.MAX_VALUE + 1L ? "integer" : "bigint";
        } catch (NumberFormatException e) {
            return "numeric";
        }
    }

    private static String literal(String value, String typeName) {
        String quoted = "'" + value.replace("'", "''") + "'";
        return typeName == null ? quoted : quoted + "::" + typeName;
    }
}
