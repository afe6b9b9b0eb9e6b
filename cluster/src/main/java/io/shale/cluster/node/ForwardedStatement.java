package io.shale.cluster.node;

import java.util.List;
import java.util.Map;

/**
 * A catalog-changing statement issued on a worker and sent to the coordinator ({@code ddl.forward}),
 * with what the coordinator's session needs to run it as the worker's session would.
 *
 * @param role the session's current role
 * @param database the session's database
 * @param settings the session's settings that differ from the defaults (search_path among them)
 * @param sql the statement's text
 */
public record ForwardedStatement(String role, String database, Map<String, String> settings, String sql) {
    public ForwardedStatement {
        settings = Map.copyOf(settings);
    }

    /**
     * What the coordinator answers: its catalog version after the statement, the command tag and the
     * NOTICEs and WARNINGs the statement raised (the worker passes them on to its client).
     */
    public record Result(long catalogVersion, String commandTag, List<Message> messages) {
        public Result {
            messages = List.copyOf(messages);
        }

        public Result(long catalogVersion, String commandTag) {
            this(catalogVersion, commandTag, List.of());
        }
    }

    /** A NOTICE or WARNING of a forwarded statement; detail and hint may be null. */
    public record Message(String severity, String sqlState, String message, String detail, String hint) {
    }

    /** Runs forwarded statements on the coordinator (the SQL engine implements it). */
    @FunctionalInterface
    public interface Executor {
        Result execute(ForwardedStatement statement);
    }
}
