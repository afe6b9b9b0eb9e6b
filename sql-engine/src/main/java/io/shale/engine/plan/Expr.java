package io.shale.engine.plan;

import io.shale.common.types.SqlType;

/**
 * A typed, analysed expression (the IR the planner and the expression compiler work on). Column
 * references are positions in the row of the plan node that evaluates them.
 */
public sealed interface Expr permits Expr.Literal, Expr.ColumnRef, Expr.OuterRef, Expr.Param,
        Expr.Call, Expr.Cast, Expr.And, Expr.Or, Expr.Not, Expr.IsNull, Expr.Case, Expr.Coalesce,
        Expr.NullIf, Expr.InList, Expr.SubqueryExpr, Expr.ArrayOf, Expr.Subscript, Expr.RowOf,
        Expr.AnyAll, Expr.FieldOf, Expr.Distinctness, Expr.AggregateRef, Expr.WindowRef, Expr.SessionValue,
        Expr.SetCall {

    SqlType type();

    /** A constant. */
    record Literal(Object value, SqlType type) implements Expr {
    }

    /** Column {@code index} of the current row. */
    record ColumnRef(int index, SqlType type, String name) implements Expr {
    }

    /** Column {@code index} of an enclosing query's row, {@code depth} levels out (1 = the parent). */
    record OuterRef(int depth, int index, SqlType type) implements Expr {
    }

    /** Statement parameter $n (0-based {@code index}). */
    record Param(int index, SqlType type) implements Expr {
    }

    /** A call of a resolved scalar function or operator; {@code strict} skips it on a null argument. */
    record Call(String name, io.shale.engine.function.ScalarFunction function, java.util.List<Expr> arguments,
                SqlType type, boolean strict, boolean volatileFunction) implements Expr {
        public Call {
            arguments = java.util.List.copyOf(arguments);
        }
    }

    /** A type conversion; {@code explicit} casts truncate varchar(n) instead of failing. */
    record Cast(Expr input, SqlType type, boolean explicit) implements Expr {
    }

    record And(java.util.List<Expr> terms) implements Expr {
        public And {
            terms = java.util.List.copyOf(terms);
        }

        @Override
        public SqlType type() {
            return SqlType.BOOL;
        }
    }

    record Or(java.util.List<Expr> terms) implements Expr {
        public Or {
            terms = java.util.List.copyOf(terms);
        }

        @Override
        public SqlType type() {
            return SqlType.BOOL;
        }
    }

    record Not(Expr input) implements Expr {
        @Override
        public SqlType type() {
            return SqlType.BOOL;
        }
    }

    /** IS [NOT] NULL; for a row value, every field is tested as PostgreSQL does. */
    record IsNull(Expr input, boolean negated) implements Expr {
        @Override
        public SqlType type() {
            return SqlType.BOOL;
        }
    }

    /** IS [NOT] DISTINCT FROM, with the resolved equality function. */
    record Distinctness(Expr left, Expr right, io.shale.engine.function.ScalarFunction equality,
                        boolean negated) implements Expr {
        @Override
        public SqlType type() {
            return SqlType.BOOL;
        }
    }

    /** Searched CASE (a simple CASE is analysed into equality tests). */
    record Case(java.util.List<Expr> conditions, java.util.List<Expr> results, Expr otherwise,
                SqlType type) implements Expr {
        public Case {
            conditions = java.util.List.copyOf(conditions);
            results = java.util.List.copyOf(results);
        }
    }

    record Coalesce(java.util.List<Expr> arguments, SqlType type) implements Expr {
        public Coalesce {
            arguments = java.util.List.copyOf(arguments);
        }
    }

    /** NULLIF(a, b) with the resolved equality function. */
    record NullIf(Expr left, Expr right, io.shale.engine.function.ScalarFunction equality,
                  SqlType type) implements Expr {
    }

    /** {@code x [NOT] IN (a, b, …)}: OR of equalities, with SQL's null rules. */
    record InList(Expr input, java.util.List<Expr> values, io.shale.engine.function.ScalarFunction equality,
                  boolean negated) implements Expr {
        public InList {
            values = java.util.List.copyOf(values);
        }

        @Override
        public SqlType type() {
            return SqlType.BOOL;
        }
    }

    /**
     * A subquery used as an expression: scalar (one column, at most one row), EXISTS, ARRAY(…),
     * or {@code x op ANY/ALL (subquery)} (where {@code test} is the comparison of
     * {@code input} with the subquery's column, given as column 0 of a one-column row).
     */
    record SubqueryExpr(SubqueryKind kind, PlanNode plan, Expr input,
                        io.shale.engine.function.ScalarFunction test, SqlType type) implements Expr {
    }

    enum SubqueryKind { SCALAR, EXISTS, ARRAY, ANY, ALL }

    /** ARRAY[a, b, …] of element type {@code elementType}. */
    record ArrayOf(java.util.List<Expr> elements, SqlType type, int elementOid) implements Expr {
        public ArrayOf {
            elements = java.util.List.copyOf(elements);
        }
    }

    /** {@code a[i]} or {@code a[lo:hi]} (upper null for a single subscript). */
    record Subscript(Expr array, Expr lower, Expr upper, boolean slice, SqlType type) implements Expr {
    }

    /** ROW(a, b, …). */
    record RowOf(java.util.List<Expr> fields, SqlType type) implements Expr {
        public RowOf {
            fields = java.util.List.copyOf(fields);
        }
    }

    /** {@code x op ANY|ALL (array)} with the resolved comparison function of operator {@code operator}. */
    record AnyAll(Expr input, Expr array, io.shale.engine.function.ScalarFunction comparison,
                  boolean all, String operator) implements Expr {
        @Override
        public SqlType type() {
            return SqlType.BOOL;
        }
    }

    /** {@code (row).field}. */
    record FieldOf(Expr input, int field, SqlType type) implements Expr {
    }

    /**
     * A set-returning function in the select list. A {@link PlanNode.ProjectSet} below the
     * projection runs it; its value per produced row is the function's single column, or a
     * {@code RowValue} of its {@code columnCount} columns (type record, fields known to the analyzer).
     */
    record SetCall(String name, io.shale.engine.function.SetReturningFunction function,
                   java.util.List<Expr> arguments, boolean strict, int columnCount, SqlType type) implements Expr {
        public SetCall {
            arguments = java.util.List.copyOf(arguments);
        }
    }

    /** The value of aggregate or window function {@code index} of the enclosing aggregation node. */
    record AggregateRef(int index, SqlType type) implements Expr {
    }

    /** The value of window call {@code index} while the select list is analysed. */
    record WindowRef(int index, SqlType type) implements Expr {
    }

    /** A value the session knows at run time (CURRENT_USER, now() of the transaction, …). */
    record SessionValue(SessionValueKind kind, SqlType type) implements Expr {
    }

    enum SessionValueKind {
        CURRENT_USER, SESSION_USER, CURRENT_SCHEMA, CURRENT_DATABASE, TRANSACTION_TIMESTAMP,
        STATEMENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME, LOCAL_TIMESTAMP, LOCAL_TIME, BACKEND_PID, TRANSACTION_ID
    }
}
