package io.shale.engine;

import io.shale.common.types.SqlType;
import io.shale.engine.exec.OperatorFactory;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;
import io.shale.engine.session.StatementDescription;
import io.shale.grammar.ast.Statement;

import java.util.List;

/**
 * A prepared statement (Parse, or SQL PREPARE): its text, its AST and, for queries and DML, the
 * plan made for the catalog version and search path it was last analysed under.
 *
 * @param statement null for an empty query string
 */
final class Prepared {
    final String name;
    final String sql;
    final Statement statement;
    final List<SqlType> declaredTypes;
    Plan plan;

    Prepared(String name, String sql, Statement statement, List<SqlType> declaredTypes) {
        this.name = name;
        this.sql = sql;
        this.statement = statement;
        this.declaredTypes = List.copyOf(declaredTypes);
    }

    /** An analysed plan, what it was analysed under, and the privileges each execution checks. */
    record Plan(PlanNode plan, OperatorFactory operators, List<SqlType> parameterTypes,
                io.shale.catalog.Catalog catalog, String searchPath, StatementDescription description,
                io.shale.engine.access.RequiredPrivileges required) {
        List<OutputColumn> columns() {
            return plan.columns();
        }
    }
}
