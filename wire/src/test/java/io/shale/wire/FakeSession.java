package io.shale.wire;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;
import io.shale.engine.session.ColumnDescription;
import io.shale.engine.session.CopyInSource;
import io.shale.engine.session.Notice;
import io.shale.engine.session.QueryListener;
import io.shale.engine.session.Session;
import io.shale.engine.session.StatementDescription;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A session that answers {@link FakeStatement}s with fixed results; records what it was given. */
final class FakeSession implements Session {
    private final int processId;
    private final int secretKey;
    final Map<String, String> startupParameters;
    private final Map<String, String> reported = new LinkedHashMap<>();
    private final Map<String, String> changed = new LinkedHashMap<>();
    private final Map<String, FakeStatement> statements = new ConcurrentHashMap<>();
    private final Map<String, Portal> portals = new ConcurrentHashMap<>();
    final List<short[]> boundResultFormats = new CopyOnWriteArrayList<>();
    final List<Object[]> boundParameters = new CopyOnWriteArrayList<>();
    final CountDownLatch sleepStarted = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    private volatile CountDownLatch cancelled = new CountDownLatch(1);
    volatile String copiedIn = "";
    private boolean inBlock;
    private char status = 'I';

    private static final class Portal {
        final FakeStatement statement;
        final short[] formats;
        final List<Object[]> rows;
        int position;

        Portal(FakeStatement statement, short[] formats, List<Object[]> rows) {
            this.statement = statement;
            this.formats = formats;
            this.rows = rows;
        }
    }

    FakeSession(int processId, int secretKey, String user, Map<String, String> startupParameters) {
        this.processId = processId;
        this.secretKey = secretKey;
        this.startupParameters = Map.copyOf(startupParameters);
        reported.put("application_name", startupParameters.getOrDefault("application_name", ""));
        reported.put("client_encoding", "UTF8");
        reported.put("DateStyle", "ISO, MDY");
        reported.put("integer_datetimes", "on");
        reported.put("server_version", "15.0");
        reported.put("session_authorization", user);
        reported.put("standard_conforming_strings", "on");
        reported.put("TimeZone", "UTC");
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
        return new LinkedHashMap<>(reported);
    }

    @Override
    public Map<String, String> takeChangedParameters() {
        Map<String, String> result = new LinkedHashMap<>(changed);
        changed.clear();
        return result;
    }

    @Override
    public char transactionStatus() {
        return status;
    }

    @Override
    public FormatSettings formatSettings() {
        return FormatSettings.defaults();
    }

    @Override
    public void simpleQuery(String sql, QueryListener listener) {
        boolean any = false;
        for (String part : sql.split(";")) {
            if (!part.isBlank()) {
                any = true;
                FakeStatement statement = guarded(() -> FakeStatement.of(part, new int[0]));
                if (!statement.columns().isEmpty()) {
                    listener.rowDescription(statement.columns());
                }
                run(statement, statement.rows(new Object[0]), listener);
            }
        }
        if (!any) {
            listener.emptyQuery();
        }
        if (!inBlock) {
            status = 'I';
        }
    }

    private <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            status = inBlock ? 'E' : 'I';
            throw e;
        }
    }

    private void run(FakeStatement statement, List<Object[]> rows, QueryListener listener) {
        guarded(() -> {
            runStatement(statement, rows, listener);
            return null;
        });
    }

    private void runStatement(FakeStatement statement, List<Object[]> rows, QueryListener listener) {
        switch (statement.kind()) {
            case "select", "param", "echo", "generate" -> {
                for (Object[] row : rows) {
                    listener.row(row);
                }
                listener.commandComplete("SELECT " + rows.size());
            }
            case "boom" -> throw new IllegalStateException("fake bug in the engine");
            case "sleep" -> sleep();
            case "notice" -> {
                listener.notice(new Notice("NOTICE", "00000", "fake notice", "some detail", null));
                listener.commandComplete("DO");
            }
            case "begin" -> {
                inBlock = true;
                status = 'T';
                listener.commandComplete("BEGIN");
            }
            case "commit" -> {
                inBlock = false;
                status = 'I';
                listener.commandComplete("COMMIT");
            }
            case "set" -> set(statement.sql(), listener);
            case "copy" -> copy(statement.sql().toLowerCase(java.util.Locale.ROOT), listener);
            case "empty" -> listener.emptyQuery();
            default -> throw new IllegalStateException(statement.kind());
        }
    }

    private void sleep() {
        sleepStarted.countDown();
        try {
            if (cancelled.await(20, TimeUnit.SECONDS)) {
                cancelled = new CountDownLatch(1);
                throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ShaleException(ErrorCode.INTERNAL_ERROR, "sleep was never cancelled");
    }

    private void set(String sql, QueryListener listener) {
        String[] parts = sql.substring(3).split("=", 2);
        String name = parts[0].trim();
        String value = parts[1].trim().replace("'", "");
        if (reported.containsKey(name)) {
            reported.put(name, value);
            changed.put(name, value);
        }
        listener.commandComplete("SET");
    }

    private void copy(String sql, QueryListener listener) {
        if (sql.contains("from stdin")) {
            CopyInSource source = listener.copyIn(false, 2);
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (byte[] chunk = source.next(); chunk != null; chunk = source.next()) {
                data.writeBytes(chunk);
            }
            String text = data.toString(StandardCharsets.UTF_8);
            copiedIn = text;
            int rows = 0;
            for (String line : text.split("\n")) {
                if (line.equals("\\.")) {
                    break;
                }
                rows++;
            }
            listener.commandComplete("COPY " + rows);
        } else {
            listener.copyOutStart(false, 2);
            listener.copyOutData("1\ta\n".getBytes(StandardCharsets.UTF_8));
            listener.copyOutData("2\tb\n".getBytes(StandardCharsets.UTF_8));
            listener.copyOutDone();
            listener.commandComplete("COPY 2");
        }
    }

    @Override
    public StatementDescription parse(String name, String sql, int[] parameterTypes) {
        FakeStatement statement = guarded(() -> FakeStatement.of(sql, parameterTypes));
        statements.put(name, statement);
        return new StatementDescription(statement.parameterTypes(), statement.columns());
    }

    @Override
    public StatementDescription describeStatement(String name) {
        FakeStatement statement = statement(name);
        return new StatementDescription(statement.parameterTypes(), statement.columns());
    }

    private FakeStatement statement(String name) {
        FakeStatement statement = statements.get(name);
        if (statement == null) {
            throw new ShaleException(ErrorCode.INVALID_SQL_STATEMENT_NAME,
                    "prepared statement \"" + name + "\" does not exist");
        }
        return statement;
    }

    private Portal portal(String name) {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new ShaleException(ErrorCode.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
        }
        return portal;
    }

    @Override
    public void bind(String portalName, String statementName, Object[] parameters, short[] resultFormats) {
        FakeStatement statement = statement(statementName);
        boundParameters.add(parameters.clone());
        boundResultFormats.add(resultFormats.clone());
        int columns = statement.columns().size();
        short[] formats = new short[columns];
        for (int i = 0; i < columns; i++) {
            formats[i] = resultFormats.length == 0 ? 0 : resultFormats[resultFormats.length == 1 ? 0 : i];
        }
        portals.put(portalName, new Portal(statement, formats, statement.rows(parameters)));
    }

    @Override
    public List<ColumnDescription> describePortal(String portalName) {
        return portal(portalName).statement.columns();
    }

    @Override
    public short[] portalResultFormats(String portalName) {
        return portal(portalName).formats.clone();
    }

    @Override
    public void execute(String portalName, int maxRows, QueryListener listener) {
        Portal portal = portal(portalName);
        if (portal.statement.columns().isEmpty()) {
            run(portal.statement, List.of(), listener);
            return;
        }
        int end = maxRows == 0 ? portal.rows.size() : Math.min(portal.rows.size(), portal.position + maxRows);
        int sent = end - portal.position;
        for (; portal.position < end; portal.position++) {
            listener.row(portal.rows.get(portal.position));
        }
        if (maxRows != 0 && portal.position < portal.rows.size()) {
            listener.portalSuspended();
        } else {
            listener.commandComplete("SELECT " + sent);
        }
    }

    @Override
    public void closeStatement(String name) {
        statements.remove(name);
    }

    @Override
    public void closePortal(String name) {
        portals.remove(name);
    }

    @Override
    public void sync() {
        portals.remove("");
        if (!inBlock) {
            status = 'I';
        }
    }

    @Override
    public void cancel() {
        cancelled.countDown();
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
