package io.shale.engine;

import io.shale.cluster.node.ForwardedStatement;
import io.shale.engine.session.InternalQueryListener;
import io.shale.engine.session.Notice;
import io.shale.engine.session.Session;

import java.util.ArrayList;
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
        Session session = engine.openInternal(statement.role(), statement.database(), Map.of(), "forwarded");
        try {
            Tag tag = new Tag();
            for (Map.Entry<String, String> setting : statement.settings().entrySet()) {
                session.simpleQuery("SELECT pg_catalog.set_config(" + literal(setting.getKey()) + ", "
                        + literal(setting.getValue()) + ", false)", new Tag());
            }
            session.simpleQuery(statement.sql(), tag);
            return new ForwardedStatement.Result(engine.catalog().version(), tag.tag == null ? "" : tag.tag,
                    tag.messages);
        } finally {
            session.close();
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Keeps the last command tag and the notices; rows of a DDL statement are not sent back. */
    private static final class Tag extends InternalQueryListener {
        private String tag;
        private final List<ForwardedStatement.Message> messages = new ArrayList<>();

        @Override
        public void notice(Notice notice) {
            messages.add(new ForwardedStatement.Message(notice.severity(), notice.sqlState(), notice.message(),
                    notice.detail(), notice.hint()));
        }

        @Override
        public void commandComplete(String commandTag) {
            tag = commandTag;
        }

        @Override
        protected String context() {
            return "a forwarded statement";
        }
    }
}
