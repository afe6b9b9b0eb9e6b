package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.Relation;
import io.shale.common.types.SqlType;
import io.shale.engine.analyze.AnalyzerContext;
import io.shale.engine.analyze.DmlAnalyzer;
import io.shale.engine.analyze.QueryAnalyzer;
import io.shale.engine.distributed.ClusterHooks;
import io.shale.engine.distributed.PlanningContext;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.Delete;
import io.shale.grammar.ast.Insert;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.Update;

import java.util.List;

/** The distributed planner's view of a session planning one statement (whose analysis made {@code context}). */
final class SessionPlanning implements PlanningContext {
    private final StatementExecutor executor;
    private final AnalyzerContext context;
    private final List<SqlType> parameterTypes;
    private final Catalog catalog;

    SessionPlanning(StatementExecutor executor, AnalyzerContext context, Catalog catalog) {
        this.executor = executor;
        this.catalog = catalog;
        this.context = context;
        this.parameterTypes = List.copyOf(context.parameterTypes());
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public int databaseOid() {
        return executor.session().database.oid();
    }

    @Override
    public Relation findRelation(QualifiedName name) {
        return context.findRelation(name);
    }

    @Override
    public PlanNode analyze(Statement statement) {
        QueryAnalyzer queries = new QueryAnalyzer(executor.analyzerContext(parameterTypes));
        return switch (statement) {
            case Query q -> queries.analyze(q, null).plan();
            case Insert i -> new DmlAnalyzer(queries).insert(i);
            case Update u -> new DmlAnalyzer(queries).update(u);
            case Delete d -> new DmlAnalyzer(queries).delete(d);
            default -> throw new IllegalStateException("not a plannable statement");
        };
    }

    @Override
    public List<SqlType> parameterTypes() {
        return parameterTypes;
    }

    @Override
    public ClusterHooks cluster() {
        return executor.engine().cluster();
    }
}
