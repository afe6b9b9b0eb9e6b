package io.shale.engine;

import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.engine.session.ColumnDescription;
import io.shale.engine.session.CopyInSource;
import io.shale.engine.session.Notice;
import io.shale.engine.session.QueryListener;
import io.shale.engine.session.Session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A test client of the session API: runs simple queries and returns what a client would see,
 * values in their text form.
 */
public final class SqlSession implements AutoCloseable {
    final Session session;
    final Deque<byte[]> copyInput = new ArrayDeque<>();
    final List<String> copyOutput = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();

    SqlSession(Engine engine) {
        this(engine, "postgres", "postgres");
    }

    /** A session of {@code user} on {@code database}. */
    SqlSession(Engine engine, String user, String database) {
        this.session = engine.open(user, database, Map.of(), "127.0.0.1");
    }

    /** The rows of the last statement of {@code sql}, each value as text ("null" for NULL). */
    List<List<String>> query(String sql) {
        Collector c = new Collector();
        session.simpleQuery(sql, c);
        return c.rows;
    }

    /**
     * The rows of the last statement of {@code sql}, values joined by {@code |} and rows by {@code ; }, in brackets,
     * then its command tag; the form isolation schedules log.
     */
    public String outcome(String sql) {
        Collector c = new Collector();
        session.simpleQuery(sql, c);
        if (c.columns.isEmpty()) {
            return c.tag;
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < c.rows.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(String.join("|", c.rows.get(i)));
        }
        return text.append("] ").append(c.tag).toString();
    }

    /** The command tag of the last statement. */
    String execute(String sql) {
        Collector c = new Collector();
        session.simpleQuery(sql, c);
        return c.tag;
    }

    /** The single value of a one-row, one-column query. */
    String value(String sql) {
        List<List<String>> rows = query(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).get(0);
    }

    /** The SQLSTATE of the error {@code sql} raises. */
    String error(String sql) {
        try {
            execute(sql);
        } catch (ShaleException e) {
            return e.code().sqlState() + ": " + e.getMessage();
        }
        throw new AssertionError("expected an error from " + sql);
    }

    @Override
    public void close() {
        session.close();
    }

    /** Collects one statement's results the way a client sees them. */
    final class Collector implements QueryListener {
        List<ColumnDescription> columns = List.of();
        final List<List<String>> rows = new ArrayList<>();
        String tag;
        boolean suspended;

        @Override
        public void rowDescription(List<ColumnDescription> columns) {
            this.columns = columns;
            rows.clear();
        }

        @Override
        public void row(Object[] values) {
            List<String> text = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                text.add(values[i] == null ? "null" : TextCodec.format(new SqlType(columns.get(i).typeOid(),
                        columns.get(i).typeModifier()), values[i], session.formatSettings()));
            }
            rows.add(text);
        }

        @Override
        public void commandComplete(String tag) {
            this.tag = tag;
        }

        @Override
        public void portalSuspended() {
            suspended = true;
        }

        @Override
        public void emptyQuery() {
            tag = "";
        }

        @Override
        public void notice(Notice notice) {
            notices.add(notice);
        }

        @Override
        public CopyInSource copyIn(boolean binary, int columnCount) {
            return copyInput::poll;
        }

        @Override
        public void copyOutStart(boolean binary, int columnCount) {
        }

        @Override
        public void copyOutData(byte[] data) {
            copyOutput.add(new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void copyOutDone() {
        }
    }
}
