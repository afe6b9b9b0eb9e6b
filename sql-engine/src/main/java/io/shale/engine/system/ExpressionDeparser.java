package io.shale.engine.system;

/**
 * Turns an expression stored in the catalog as SQL text (defaults, CHECK, index expressions
 * and predicates) into the form PostgreSQL's pg_get_expr prints, e.g. {@code 'abc'::text} or
 * {@code (price > (0)::numeric)}, and view queries. The engine plugs in a deparser built on the grammar.
 */
@FunctionalInterface
public interface ExpressionDeparser {
    /**
     * @param sql the stored expression text
     * @param relationOid the relation whose columns the expression names (0 if none)
     * @param pretty pg_get_expr's pretty flag: fewer parentheses
     */
    String deparse(String sql, int relationOid, boolean pretty);

    /**
     * The text pg_get_viewdef prints for a view's stored query (PostgreSQL: a leading space,
     * one output column per line, a final semicolon); by default the stored text.
     */
    default String deparseQuery(String sql, boolean pretty) {
        return sql;
    }

    /** {@link #deparseQuery(String, boolean)} of view {@code viewOid}, whose schema and database name its tables. */
    default String deparseQuery(String sql, int viewOid, boolean pretty) {
        return deparseQuery(sql, pretty);
    }

    /** Prints the stored text unchanged. */
    ExpressionDeparser STORED_TEXT = (sql, relationOid, pretty) -> sql;
}
