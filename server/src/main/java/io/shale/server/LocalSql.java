package io.shale.server;

import io.shale.engine.Engine;
import io.shale.engine.session.InternalQueryListener;
import io.shale.engine.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs SQL in a node's engine without a connection (LocalCluster's set-up statements). */
final class LocalSql {
    private LocalSql() {
    }

    /** Runs {@code sql} as {@code postgres} in database {@code postgres}; returns the rows. */
    static List<Object[]> run(Engine engine, String sql) {
        Session session = engine.open("postgres", "postgres", Map.of(), "local");
        try {
            Rows rows = new Rows();
            session.simpleQuery(sql, rows);
            return rows.rows;
        } finally {
            session.close();
        }
    }

    private static final class Rows extends InternalQueryListener {
        private final List<Object[]> rows = new ArrayList<>();

        @Override
        public void row(Object[] values) {
            rows.add(values.clone());
        }

    }
}
