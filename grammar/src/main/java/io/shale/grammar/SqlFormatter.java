package io.shale.grammar;

import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.TypeName;

/**
 * Prints AST nodes back to SQL text that {@link SqlParser} reads back to an equal AST (positions
 * aside): compound expressions are fully parenthesised and identifiers quoted when needed.
 */
public final class SqlFormatter {
    private SqlFormatter() {
    }

    /** Returns the SQL text of a statement, without a trailing semicolon. */
    public static String format(Statement statement) {
        return new UtilityFormatter().statement(statement);
    }

    /** Returns the SQL text of an expression. */
    public static String format(Expression expression) {
        return new UtilityFormatter().expression(expression);
    }

    /** Returns the SQL text of a type name. */
    public static String format(TypeName type) {
        return new UtilityFormatter().type(type);
    }
}
