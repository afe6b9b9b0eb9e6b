package io.shale.server.txn;

import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.engine.distributed.SessionContextView;
import io.shale.engine.distributed.Task;
import io.shale.engine.distributed.TaskResult;
import io.shale.engine.distributed.TaskRunner;
import io.shale.engine.session.ColumnDescription;
import io.shale.engine.session.InternalQueryListener;
import io.shale.engine.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client session on a hand-wired node: runs SQL, and runs tasks through the node's task runner as the distributed
 * planner would (its local tasks in the session itself).
 */
final class TxnClient implements AutoCloseable {
    final io.shale.engine.Engine engine;
    final Session session;

    TxnClient(TxnNode node) {
        this(node.engine);
    }

    TxnClient(io.shale.engine.Engine engine) {
        this.engine = engine;
        this.session = engine.open("postgres", "postgres", Map.of(), "test");
    }

    /** The rows of the last statement, values as text joined by "|". */
    List<String> query(String sql) {
        Rows rows = new Rows();
        session.simpleQuery(sql, rows);
        return rows.rows;
    }

    String tag(String sql) {
        Rows rows = new Rows();
        session.simpleQuery(sql, rows);
        return rows.tag;
    }

    List<TaskResult> tasks(Task... tasks) {
        SessionContextView view = new SessionContextView() {
            @Override
            public int processId() {
                return session.processId();
            }

            @Override
            public String roleName() {
                return "postgres";
            }

            @Override
            public String databaseName() {
                return "postgres";
            }

            @Override
            public String setting(String name) {
                return session.reportedParameters().get(name);
            }

            @Override
            public long catalogVersion() {
                return 0;
            }
        };
        TaskRunner local = list -> {
            List<TaskResult> results = new ArrayList<>();
            for (Task t : list) {
                Rows rows = new Rows();
                session.simpleQuery(t.sql(), rows);
                results.add(new TaskResult(rows.types, rows.values, 0, rows.tag));
            }
            return results;
        };
        return engine.cluster().taskRunner(view, local).run(List.of(tasks));
    }

    @Override
    public void close() {
        session.close();
    }

    /** Collects a statement's rows. */
    final class Rows extends InternalQueryListener {
        final List<String> rows = new ArrayList<>();
        final List<Object[]> values = new ArrayList<>();
        final List<SqlType> types = new ArrayList<>();
        String tag;

        @Override
        public void rowDescription(List<ColumnDescription> columns) {
            rows.clear();
            types.clear();
            values.clear();
            for (ColumnDescription c : columns) {
                types.add(new SqlType(c.typeOid(), c.typeModifier()));
            }
        }

        @Override
        public void row(Object[] row) {
            values.add(row);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                text.append(i == 0 ? "" : "|").append(row[i] == null ? "null"
                        : TextCodec.format(types.get(i), row[i], session.formatSettings()));
            }
            rows.add(text.toString());
        }

        @Override
        public void commandComplete(String commandTag) {
            tag = commandTag;
        }

    }
}
