package io.shale.wire;

import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.engine.session.ColumnDescription;
import io.shale.engine.session.CopyInSource;
import io.shale.engine.session.Notice;
import io.shale.engine.session.QueryListener;
import io.shale.engine.session.Session;

import java.util.List;
import java.util.Map;

/**
 * Turns what a statement produces into backend messages. In simple-query mode the columns come
 * with {@link #rowDescription} (all text); in extended mode they are known from the portal before
 * Execute, with the formats the client asked for in Bind.
 */
final class ResultListener implements QueryListener {
    private final BackendWriter writer;
    private final Session session;
    private final Authenticator.Input input;
    private SqlType[] types = new SqlType[0];
    private short[] formats;
    private FormatSettings settings;

    ResultListener(BackendWriter writer, Session session, Authenticator.Input input) {
        this.writer = writer;
        this.session = session;
        this.input = input;
    }

    /** Extended mode: the portal's columns and their result formats. */
    ResultListener withColumns(List<ColumnDescription> columns, short[] resultFormats) {
        types = types(columns);
        formats = resultFormats;
        settings = session.formatSettings();
        return this;
    }

    private static SqlType[] types(List<ColumnDescription> columns) {
        SqlType[] result = new SqlType[columns.size()];
        for (int i = 0; i < result.length; i++) {
            ColumnDescription column = columns.get(i);
            result[i] = new SqlType(column.typeOid(), column.typeModifier());
        }
        return result;
    }

    @Override
    public void rowDescription(List<ColumnDescription> columns) {
        types = types(columns);
        formats = null;
        settings = session.formatSettings();
        writer.rowDescription(columns, null);
    }

    @Override
    public void row(Object[] values) {
        if (settings == null) {
            settings = session.formatSettings();
        }
        writer.dataRow(values, types, formats, settings);
    }

    @Override
    public void commandComplete(String tag) {
        writer.commandComplete(tag);
        reportChangedParameters(writer, session);
    }

    @Override
    public void portalSuspended() {
        writer.empty('s');
    }

    @Override
    public void emptyQuery() {
        writer.empty('I');
    }

    @Override
    public void notice(Notice notice) {
        writer.notice(notice);
    }

    @Override
    public CopyInSource copyIn(boolean binary, int columnCount) {
        writer.copyResponse('G', binary, columnCount);
        writer.flush();
        return new QueueCopySource(input);
    }

    @Override
    public void copyOutStart(boolean binary, int columnCount) {
        writer.copyResponse('H', binary, columnCount);
    }

    @Override
    public void copyOutData(byte[] data) {
        writer.copyData(data);
    }

    @Override
    public void copyOutDone() {
        writer.empty('c');
    }

    /** ParameterStatus for every reported setting that changed. */
    static void reportChangedParameters(BackendWriter writer, Session session) {
        Map<String, String> changed = session.takeChangedParameters();
        if (!changed.isEmpty()) {
            for (Map.Entry<String, String> entry : changed.entrySet()) {
                writer.parameterStatus(entry.getKey(), entry.getValue());
            }
        }
    }
}
