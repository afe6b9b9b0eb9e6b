package io.shale.engine.session;

import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;

import java.util.List;
import java.util.Map;

/**
 * One client connection's view of the engine, shaped after the PostgreSQL v3 protocol. A session
 * is used by one thread at a time (the connection's worker); {@link #cancel()} may be called from
 * any thread. Every failure is a {@link ShaleException}; after one, the session stays usable.
 */
public interface Session extends AutoCloseable {

    /** BackendKeyData process id. */
    int processId();

    /** BackendKeyData secret key. */
    int secretKey();

    /** Every setting PostgreSQL reports with ParameterStatus, with its current value, in order. */
    Map<String, String> reportedParameters();

    /** The reported settings that changed since the last call (SET, RESET, transaction end). */
    Map<String, String> takeChangedParameters();

    /** ReadyForQuery status: {@code 'I'} idle, {@code 'T'} in a transaction, {@code 'E'} failed. */
    char transactionStatus();

    /** How values are printed and parsed right now (TimeZone, DateStyle, IntervalStyle, …). */
    FormatSettings formatSettings();

    /**
     * Runs a simple-protocol Query message: every statement in {@code sql} in order, as one
     * implicit transaction unless they manage transactions themselves. Stops at the first error,
     * which is thrown after the results of the statements before it went to the listener.
     */
    void simpleQuery(String sql, QueryListener listener);

    /**
     * Runs the SQL text of one task sent by another node as {@link #simpleQuery} does; a session may keep the
     * statements of recent task texts parsed and planned.
     */
    default void taskQuery(String sql, QueryListener listener) {
        simpleQuery(sql, listener);
    }

    /**
     * Parse: prepares {@code sql} (exactly one statement, or none) under {@code name} ("" for
     * the unnamed statement, which a new Parse replaces).
     *
     * @param parameterTypes the type oids the client gave; 0 or missing entries are inferred
     */
    StatementDescription parse(String name, String sql, int[] parameterTypes);

    /** Describe of a prepared statement; 26000 when there is none of that name. */
    StatementDescription describeStatement(String name);

    /**
     * Bind: creates portal {@code portalName} ("" for the unnamed one) from a prepared statement.
     *
     * @param parameters the values, already decoded to the types of the statement's description
     * @param resultFormats as in the Bind message: none (all text), one (for all), or one per column
     */
    void bind(String portalName, String statementName, Object[] parameters, short[] resultFormats);

    /** Describe of a portal: its result columns, or an empty list when it returns no rows. */
    List<ColumnDescription> describePortal(String portalName);

    /** The result formats (0 text, 1 binary) of the portal's columns, one per column. */
    short[] portalResultFormats(String portalName);

    /**
     * Execute: runs the portal, sending at most {@code maxRows} rows (0 = all). Ends with
     * {@link QueryListener#commandComplete} or, when rows remain, {@link QueryListener#portalSuspended}.
     */
    void execute(String portalName, int maxRows, QueryListener listener);

    void closeStatement(String name);

    void closePortal(String name);

    /**
     * Sync: ends the extended-protocol implicit transaction (commits it, or rolls it back after
     * an error) and closes the unnamed portal.
     */
    void sync();

    /** Cancels the statement running now, if any, with 57014. Callable from any thread. */
    void cancel();

    /** Ends the session: an open transaction is rolled back. Idempotent. */
    @Override
    void close();
}
