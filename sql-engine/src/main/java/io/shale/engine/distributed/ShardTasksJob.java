package io.shale.engine.distributed;

import io.shale.common.types.SqlType;
import io.shale.engine.exec.ExecContext;
import io.shale.grammar.SqlFormatter;
import io.shale.grammar.ast.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * A job whose tasks are known at planning time: one statement per shard group (or per placement of a replicated
 * shard), each bound to the execution's parameters. Multi-shard reads and writes, writes to reference tables and
 * statements routed to the coordinator.
 */
final class ShardTasksJob implements DistributedJob {
    /** One task before parameters are bound; {@code text} is the rendered statement when it has no parameters. */
    record Template(int groupId, long anchorShardId, Statement statement, String text, boolean countsRows) {
    }

    private final List<Template> templates;
    private final List<SqlType> parameterTypes;
    private final Literals literals;
    private final boolean modifies;
    private final boolean router;
    private final Intermediates intermediates;
    private final TaskTemplate[] texts;

    ShardTasksJob(List<Template> templates, List<SqlType> parameterTypes, Literals literals, boolean modifies,
                  boolean router) {
        this(templates, parameterTypes, literals, modifies, router, null);
    }

    ShardTasksJob(List<Template> templates, List<SqlType> parameterTypes, Literals literals, boolean modifies,
                  boolean router, Intermediates intermediates) {
        this.intermediates = intermediates;
        this.texts = new TaskTemplate[templates.size()];
        this.templates = List.copyOf(templates);
        this.parameterTypes = List.copyOf(parameterTypes);
        this.literals = literals;
        this.modifies = modifies;
        this.router = router;
    }

    static Template template(int groupId, long anchorShardId, Statement statement, boolean parameters,
                             boolean countsRows) {
        return new Template(groupId, anchorShardId, statement, parameters ? null : SqlFormatter.format(statement),
                countsRows);
    }

    @Override
    public List<Task> tasks(ExecContext context, List<Object[]> inputRows) {
        List<Task> tasks = new ArrayList<>(templates.size());
        java.util.Map<String, io.shale.grammar.ast.Query> rows = intermediates == null ? java.util.Map.of()
                : intermediates.run(context);
        for (int i = 0; i < templates.size(); i++) {
            Template t = templates.get(i);
            String sql;
            if (t.text() != null && rows.isEmpty()) {
                sql = t.text();
            } else if (rows.isEmpty()) {
                TaskTemplate text = texts[i];
                if (text == null) {
                    text = TaskTemplate.of(t.statement(), parameterTypes, literals);
                    texts[i] = text;
                }
                sql = text.render(parameters(context), context.formatSettings());
            } else {
                sql = TaskText.render(Intermediates.substitute(t.statement(), rows), parameterTypes,
                        parameters(context), literals, context.formatSettings());
            }
            tasks.add(new Task(t.groupId(), t.anchorShardId(), sql, modifies));
        }
        return tasks;
    }

    static Object[] parameters(ExecContext context) {
        return context.parameters();
    }

    @Override
    public List<TaskResult> counted(List<Task> tasks, List<TaskResult> results) {
        List<TaskResult> counted = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            if (templates.get(i).countsRows()) {
                counted.add(results.get(i));
            }
        }
        return counted;
    }

    @Override
    public boolean modifies() {
        return modifies;
    }

    @Override
    public boolean router() {
        return router;
    }
}
