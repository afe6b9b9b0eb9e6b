package io.shale.engine.distributed;

import io.shale.catalog.Catalog;
import io.shale.catalog.Relation;
import io.shale.common.types.SqlType;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Statement;

import java.util.List;

/** What the distributed planner needs of the session that plans a statement. */
public interface PlanningContext {
    Catalog catalog();

    int databaseOid();

    /** The relation a name in the statement resolves to under the session's search path, or null. */
    Relation findRelation(QualifiedName name);

    /** The local plan of a statement (before optimisation), analysed with {@link #parameterTypes()}. */
    PlanNode analyze(Statement statement);

    /** The types of the statement's parameters, as its analysis found them. */
    List<SqlType> parameterTypes();

    /** The cluster the node is part of. */
    ClusterHooks cluster();
}
