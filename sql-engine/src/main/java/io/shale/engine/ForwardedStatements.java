package io.shale.engine;

import io.shale.cluster.node.ForwardedStatement;
import io.shale.engine.session.ColumnDescription;
import io.shale.engine.session.CopyInSource;
import io.shale.engine.session.Notice;
import io.shale.engine.session.QueryListener;
import io.shale.engine.session.Session;

import java.util.List;
import java.util.Map;

/**
 * Runs on the coordinator the catalog-changing statements that workers forward ({@code ddl.forward}):
 * in a session of the worker session's role and database, with its settings, as if issued here.
 */
final class ForwardedStatements {
    private ForwardedStatements() {
    }

    static ForwardedStatement.Result execute(Engine engine, ForwardedStatement statement) {
        Session session = engine.open(statement.role(), statement.database(), Map.of(), "forwarded");
        try {
            Tag tag = new Tag();
            for (Map.Entry<String, String> setting : statement.settings().entrySet()) {
                session.simpleQuery("SELECT pg_catalog.set_config(" + literal(setting.getKey()) + ", "
                        + literal(setting.getValue()) + ", false)", new Tag());
            }
            session.simpleQuery(statement.sql(), tag);
            return new ForwardedStatement.Result(engine.catalog().version(), tag.tag == null ? "" : tag.tag);
        } finally {
            session.close();
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Keeps the last command tag; rows and notices of a DDL statement are not sent back. */
    private static final class Tag implements QueryListener {
        private String tag;

        @Override
        public void rowDescription(List<ColumnDescription> columns) {
        }

        @Override
        public void row(Object[] values) {
        }

        @Override
        public void commandComplete(String commandTag) {
            tag = commandTag;
        }

        @Override
        public void portalSuspended() {
        }

        @Override
        public void emptyQuery() {
        }

        @Override
        public void notice(Notice notice) {
        }

        @Override
        public CopyInSource copyIn(boolean binary, int columnCount) {
            throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.FEATURE_NOT_SUPPORTED,
                    "COPY in a forwarded statement is not supported");
        }

        @Override
        public void copyOutStart(boolean binary, int columnCount) {
        }

        @Override
        public void copyOutData(byte[] data) {
        }

        @Override
        public void copyOutDone() {
        }
    }
}
