package io.shale.engine;

import io.shale.cluster.node.ForwardedStatement;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.Notice;
import io.shale.grammar.SqlFormatter;
import io.shale.grammar.ast.Statement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog-changing statement issued on a worker goes to the coordinator ({@code ddl.forward}),
 * which runs it as if it were issued there; the worker answers once it has the resulting catalog.
 */
final class DdlForwarding {
    /** Settings that change how the coordinator reads the statement's text. */
    private static final List<String> FORWARDED_SETTINGS = List.of("search_path", "TimeZone", "DateStyle",
            "IntervalStyle", "extra_float_digits", "statement_timeout", "standard_conforming_strings");

    private DdlForwarding() {
    }

    static Outcome forward(Engine engine, EngineSession session, Statement statement, String sql) {
        SessionState.Mode mode = session.state.mode();
        if (mode == SessionState.Mode.BLOCK || mode == SessionState.Mode.FAILED) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot run DDL in a transaction block on a worker node")
                    .withDetail("DDL issued on a worker node is forwarded to the coordinator and runs there in a transaction of its own.")
                    .withHint("Run the statement outside a transaction block, or connect to the coordinator.");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : FORWARDED_SETTINGS) {
            settings.put(name, session.settings.show(name));
        }
        for (String name : session.settings.userExtensionNames()) {
            if (name.startsWith("citus.")) {
                settings.put(name, session.settings.show(name));
            }
        }
        String text = sql == null || sql.isBlank() ? SqlFormatter.format(statement) : sql;
        ForwardedStatement.Result result = engine.cluster().forwardDdl(new ForwardedStatement(session.state.currentUser(),
                session.database.name(), settings, text));
        for (ForwardedStatement.Message m : result.messages()) {
            session.state.notice(new Notice(m.severity(), m.sqlState(), m.message(), m.detail(), m.hint()));
        }
        return new Outcome.Done(result.commandTag());
    }
}
