package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.Role;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeInfo;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.session.ColumnDescription;
import io.shale.engine.session.QueryListener;
import io.shale.engine.session.Session;
import io.shale.engine.session.StatementDescription;
import io.shale.engine.settings.Settings;
import io.shale.grammar.ParsedStatement;
import io.shale.grammar.SqlParser;
import io.shale.grammar.ast.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client connection's session: settings, prepared statements and portals, and the
 * transaction state machine of PostgreSQL (idle, in a transaction block, failed block; implicit
 * transactions around a Query message or up to Sync). Used by one thread at a time, except
 * {@link #cancel()}.
 */
final class EngineSession implements Session {
    private final Engine engine;
    private final int processId;
    private final int secretKey;
    /** The role that authenticated (it alone may SET SESSION AUTHORIZATION to another role, when a superuser). */
    final Role sessionRole;
    /** The role SET SESSION AUTHORIZATION chose, or null: the session user is then {@link #sessionRole}. */
    Role authorization;
    final Database database;
    final Settings settings;
    final String remoteAddress;
    final SessionState state;
    private final StatementExecutor executor;
    private final Map<String, Prepared> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    private final SqlParser parser = new SqlParser();
    private boolean closed;
    private final java.time.Instant backendStart = java.time.Instant.now();
    private volatile String currentQuery = "";
    private volatile java.time.Instant queryStart;

    EngineSession(Engine engine, int processId, int secretKey, Role role, Database database, Settings settings,
                  Map<String, String> startupParameters, String remoteAddress) {
        this.engine = engine;
        this.processId = processId;
        this.secretKey = secretKey;
        this.sessionRole = role;
        this.database = database;
        this.settings = settings;
        this.remoteAddress = remoteAddress;
        this.state = new SessionState(engine, this);
        this.executor = new StatementExecutor(engine, this);
        settings.setInternal("session_authorization", role.name());
        settings.setInternal("is_superuser", role.superuser() ? "on" : "off");
        for (Map.Entry<String, String> p : startupParameters.entrySet()) {
            applyStartup(p.getKey(), p.getValue());
        }
        settings.reportedChanges();
    }

    private void applyStartup(String name, String value) {
        if (name.equals("replication")) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "replication connections are not supported").asFatal();
        }
        settings.applyStartup(name, value);
    }

    Engine engine() {
        return engine;
    }

    /** The session user: SET SESSION AUTHORIZATION's role, else the role that authenticated. */
    Role sessionUser() {
        return authorization != null ? authorization : sessionRole;
    }

    Map<String, Prepared> preparedStatements() {
        return statements;
    }

    Map<String, Portal> portals() {
        return portals;
    }

    /** The session's statement executor (for replicated data effects run in an adopted transaction). */
    StatementExecutor executor() {
        return executor;
    }

    SqlParser parser() {
        return parser;
    }

    @Override
    public int processId() {
        return processId;
    }

    @Override
    public int secretKey() {
        return secretKey;
    }

    @Override
    public Map<String, String> reportedParameters() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : io.shale.engine.settings.SettingsRegistry.REPORTED) {
            all.put(name, settings.show(name));
        }
        return all;
    }

    @Override
    public Map<String, String> takeChangedParameters() {
        return settings.reportedChanges();
    }

    @Override
    public char transactionStatus() {
        return state.transactionStatus();
    }

    @Override
    public FormatSettings formatSettings() {
        return state.formatSettings();
    }

    /** This session as pg_stat_activity shows it. */
    io.shale.engine.system.ActivityInfo activity() {
        String stateName = switch (state.mode()) {
            case BLOCK -> "idle in transaction";
            case FAILED -> "idle in transaction (aborted)";
            default -> "idle";
        };
        if (state.isRunning()) {
            stateName = "active";
        }
        return new io.shale.engine.system.ActivityInfo(processId, database.oid(), database.name(), sessionRole.oid(),
                sessionRole.name(), settings.show("application_name"), remoteAddress, null, backendStart,
                state.mode() == SessionState.Mode.NONE ? null : state.transactionStart(), queryStart, queryStart,
                stateName, currentQuery, "client backend");
    }

    private void started(String sql) {
        currentQuery = sql;
        queryStart = java.time.Instant.now();
    }

    /** When the client's current message arrived: the statement_timestamp() of its statements. */
    java.time.Instant queryStart() {
        java.time.Instant start = queryStart;
        return start != null ? start : backendStart;
    }

    @Override
    public void simpleQuery(String sql, QueryListener listener) {
        started(sql);
        List<ParsedStatement> parsed;
        try {
            parsed = parser.parseScript(sql);
        } catch (ShaleException e) {
            state.failed(e);
            throw e;
        }
        if (parsed.isEmpty()) {
            listener.emptyQuery();
            return;
        }
        state.beginMessage(parsed.size() > 1);
        try {
            for (ParsedStatement p : parsed) {
                Prepared prepared = new Prepared("", p.text(), p.statement(), List.of());
                Portal portal = new Portal("", prepared, new Object[0], new short[0]);
                executor.run(portal, 0, listener, true);
            }
            state.endMessage();
        } catch (RuntimeException e) {
            state.failed(e);
            throw e;
        }
    }

    /**
     * Runs the SQL text of a task sent by another node as one implicit transaction, like {@link #simpleQuery}, with
     * the parsed and planned statement kept for the session's recent task texts (a task text is one statement).
     */
    @Override
    public void taskQuery(String sql, QueryListener listener) {
        started(sql);
        Prepared prepared;
        try {
            prepared = executor.remoteTaskStatement(sql);
        } catch (ShaleException e) {
            state.failed(e);
            throw e;
        }
        state.beginMessage(false);
        try {
            executor.run(new Portal("", prepared, new Object[0], new short[0]), 0, listener, true);
            state.endMessage();
        } catch (RuntimeException e) {
            state.failed(e);
            throw e;
        }
    }

    @Override
    public StatementDescription parse(String name, String sql, int[] parameterTypes) {
        List<ParsedStatement> parsed = parser.parseScript(sql);
        if (parsed.size() > 1) {
            throw new ShaleException(ErrorCode.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
        }
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw new ShaleException(ErrorCode.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + name
                    + "\" already exists");
        }
        List<SqlType> types = new ArrayList<>();
        for (int t : parameterTypes) {
            types.add(SqlType.of(t));
        }
        ParsedStatement p = parsed.isEmpty() ? null : parsed.get(0);
        Prepared prepared = new Prepared(name, sql, p == null ? null : p.statement(), types);
        StatementDescription description = executor.describe(prepared);
        statements.put(name, prepared);
        return description;
    }

    @Override
    public StatementDescription describeStatement(String name) {
        return executor.describe(prepared(name));
    }

    Prepared prepared(String name) {
        Prepared p = statements.get(name);
        if (p == null) {
            throw new ShaleException(ErrorCode.INVALID_SQL_STATEMENT_NAME, "prepared statement \"" + name
                    + "\" does not exist");
        }
        return p;
    }

    @Override
    public void bind(String portalName, String statementName, Object[] parameters, short[] resultFormats) {
        Prepared prepared = prepared(statementName);
        if (!portalName.isEmpty() && portals.containsKey(portalName)) {
            throw new ShaleException(ErrorCode.DUPLICATE_CURSOR, "portal \"" + portalName + "\" already exists");
        }
        Portal old = portals.put(portalName, new Portal(portalName, prepared, parameters.clone(), resultFormats.clone()));
        if (old != null) {
            old.close();
        }
    }

    Portal portal(String name) {
        Portal p = portals.get(name);
        if (p == null) {
            throw new ShaleException(ErrorCode.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
        }
        return p;
    }

    @Override
    public List<ColumnDescription> describePortal(String portalName) {
        return executor.describe(portal(portalName).prepared).columns();
    }

    @Override
    public short[] portalResultFormats(String portalName) {
        Portal portal = portal(portalName);
        int n = executor.describe(portal.prepared).columns().size();
        short[] formats = new short[n];
        short[] given = portal.resultFormats;
        for (int i = 0; i < n; i++) {
            formats[i] = given.length == 0 ? 0 : given.length == 1 ? given[0] : i < given.length ? given[i] : 0;
        }
        return formats;
    }

    @Override
    public void execute(String portalName, int maxRows, QueryListener listener) {
        Portal portal = portal(portalName);
        started(portal.prepared.sql);
        try {
            state.beginExtended();
            executor.run(portal, maxRows, listener, false);
        } catch (RuntimeException e) {
            state.failed(e);
            throw e;
        }
    }

    /** Closes the portals and cursors of the transaction that just ended (not those WITH HOLD). */
    void closeTransactionPortals() {
        portals.values().removeIf(p -> {
            if (p.holdable) {
                return false;
            }
            p.close();
            return true;
        });
    }

    @Override
    public void closeStatement(String name) {
        statements.remove(name);
    }

    @Override
    public void closePortal(String name) {
        Portal p = portals.remove(name);
        if (p != null) {
            p.close();
        }
    }

    @Override
    public void sync() {
        Portal unnamed = portals.remove("");
        if (unnamed != null) {
            unnamed.close();
        }
        state.sync();
    }

    @Override
    public void cancel() {
        state.cancel();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Portal p : portals.values()) {
            p.close();
        }
        portals.clear();
        state.abandon();
        engine.closed(this);
    }

    /** RowDescription fields for output columns. */
    static List<ColumnDescription> describe(List<OutputColumn> columns) {
        List<ColumnDescription> result = new ArrayList<>(columns.size());
        for (OutputColumn c : columns) {
            TypeInfo info = BuiltinTypes.byOid(c.type().oid());
            short length = info == null ? 4 : (short) info.length();
            result.add(new ColumnDescription(c.name(), c.tableOid(), c.attnum(), c.type().oid(), length, c.type().typmod()));
        }
        return result;
    }

    Statement statementOf(Portal p) {
        return p.prepared.statement;
    }

    Catalog catalog() {
        return state.catalog();
    }
}
