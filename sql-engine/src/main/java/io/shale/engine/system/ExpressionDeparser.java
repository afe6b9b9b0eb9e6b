package io.shale.engine.system;

/**
 * Turns an expression stored in the catalog as SQL text (defaults, CHECK, index expressions
 * and predicates) into the form PostgreSQL's pg_get_expr prints, e.g. {@code 'abc'::text} or
 * {@code (price > (0)::numeric)}. The engine plugs in a deparser built on the grammar.
 */
@FunctionalInterface
public interface ExpressionDeparser {
    /**
     * @param sql the stored expression text
     * @param relationOid the relation whose columns the expression names (0 if none)
     * @param pretty pg_get_expr's pretty flag: fewer parentheses
     */
    String deparse(String sql, int relationOid, boolean pretty);

    /** Prints the stored text unchanged. */
    ExpressionDeparser STORED_TEXT = (sql, relationOid, pretty) -> sql;
}
