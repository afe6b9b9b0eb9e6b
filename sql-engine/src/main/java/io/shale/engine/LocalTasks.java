package io.shale.engine;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.distributed.TaskResult;
import io.shale.engine.exec.OperatorFactory;
import io.shale.engine.plan.OutputColumn;
import io.shale.grammar.ast.Delete;
import io.shale.grammar.ast.Explain;
import io.shale.grammar.ast.Insert;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.Update;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the SQL text of a task in the session's own transaction (Citus's local execution); the session keeps the
 * parsed and planned statements of recent task texts.
 */
final class LocalTasks {
    private final StatementExecutor executor;

    LocalTasks(StatementExecutor executor) {
        this.executor = executor;
    }

    TaskResult run(String sql) {
        io.shale.engine.citus.TenantTaskMeter meter =
                io.shale.engine.citus.TenantTaskMeter.start(executor.engine().tenantStats(), sql);
        TaskResult result = execute(sql);
        if (meter != null) {
            meter.finish(executor.databaseOid(), result.commandTag());
        }
        return result;
    }

    private TaskResult execute(String sql) {
        Prepared prepared = executor.taskStatement(sql);
        Statement statement = prepared.statement;
        Object[] none = new Object[0];
        Outcome outcome = switch (statement) {
            case Query q -> executor.rows(prepared, none, n -> "SELECT " + n);
            case Insert i -> executor.modifyOutcome(prepared, none, "INSERT 0 ");
            case Update u -> executor.modifyOutcome(prepared, none, "UPDATE ");
            case Delete d -> executor.modifyOutcome(prepared, none, "DELETE ");
            case Explain e -> Explainer.explain(executor, e, none);
            default -> throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "this task statement is not supported");
        };
        return switch (outcome) {
            case Outcome.Rows rows -> {
                List<Object[]> out = OperatorFactory.drain(rows.rows());
                String tag = rows.tag().apply(out.size());
                yield new TaskResult(types(rows.columns()), out, count(tag), tag);
            }
            case Outcome.Done done -> new TaskResult(List.of(), List.of(), count(done.tag()), done.tag());
            case Outcome.Empty empty -> new TaskResult(List.of(), List.of(), 0, "");
        };
    }

    private static List<SqlType> types(List<OutputColumn> columns) {
        List<SqlType> types = new ArrayList<>(columns.size());
        for (OutputColumn c : columns) {
            types.add(c.type());
        }
        return types;
    }

    private static long count(String tag) {
        int space = tag.lastIndexOf(' ');
        try {
            return space < 0 ? 0 : Long.parseLong(tag.substring(space + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
