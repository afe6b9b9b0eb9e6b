package io.shale.wire;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.BinaryCodec;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.engine.session.ColumnDescription;
import io.shale.engine.session.Session;
import io.shale.engine.session.StatementDescription;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers the messages of an authenticated connection (PostgreSQL documentation, "Simple Query"
 * and "Extended Query"): runs them on the session and writes the replies. After an error in
 * extended mode every message up to the next Sync is discarded, Query and Flush included, as
 * PostgreSQL does. Runs on the worker thread.
 */
final class QueryProcessor {
    private static final System.Logger LOG = System.getLogger(QueryProcessor.class.getName());

    private final Session session;
    private final BackendWriter writer;
    private final Authenticator.Input input;
    private final MessageQueue queue;
    private boolean skipUntilSync;

    QueryProcessor(Session session, BackendWriter writer, Authenticator.Input input, MessageQueue queue) {
        this.session = session;
        this.writer = writer;
        this.input = input;
        this.queue = queue;
    }

    /** Handles one message; false when the connection is to end (Terminate, client gone). */
    boolean handle(FrontendMessage message) {
        switch (message) {
            case FrontendMessage.Query query -> {
                if (!skipUntilSync) {
                    simpleQuery(query.sql());
                }
            }
            case FrontendMessage.Sync ignored -> sync();
            case FrontendMessage.Flush ignored -> {
                if (!skipUntilSync) {
                    writer.flush();
                }
            }
            case FrontendMessage.Parse parse -> extended(() -> parse(parse));
            case FrontendMessage.Bind bind -> extended(() -> bind(bind));
            case FrontendMessage.Describe describe -> extended(() -> describe(describe));
            case FrontendMessage.Execute execute -> extended(() -> execute(execute));
            case FrontendMessage.Close close -> extended(() -> close(close));
            case FrontendMessage.CopyData ignored -> { }
            case FrontendMessage.CopyDone ignored -> { }
            case FrontendMessage.CopyFail ignored -> { }
            case FrontendMessage.Terminate ignored -> {
                return false;
            }
            case FrontendMessage.Disconnected ignored -> {
                return false;
            }
            case FrontendMessage.Malformed malformed ->
                    throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, malformed.message()).asFatal();
            case FrontendMessage.PasswordMessage ignored -> throw unexpected('p');
            case FrontendMessage.Startup ignored -> throw unexpected(0);
            case FrontendMessage.SslRequest ignored -> throw unexpected(0);
            case FrontendMessage.GssEncRequest ignored -> throw unexpected(0);
            case FrontendMessage.CancelRequest ignored -> throw unexpected(0);
        }
        return true;
    }

    private static ShaleException unexpected(int type) {
        return new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "invalid frontend message type " + type).asFatal();
    }

    private void simpleQuery(String sql) {
        try {
            session.simpleQuery(sql, new ResultListener(writer, session, input));
        } catch (RuntimeException e) {
            reportError(e);
        }
        readyForQuery();
    }

    private void sync() {
        skipUntilSync = false;
        try {
            session.sync();
        } catch (RuntimeException e) {
            reportError(e);
        }
        readyForQuery();
    }

    private void readyForQuery() {
        ResultListener.reportChangedParameters(writer, session);
        writer.readyForQuery(session.transactionStatus());
        if (queue.isEmpty()) {
            writer.flush();
        }
    }

    private void extended(Runnable step) {
        if (skipUntilSync) {
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            reportError(e);
            skipUntilSync = true;
        }
    }

    /** ErrorResponse for an engine failure; FATAL ones and lost connections end the worker. */
    private void reportError(RuntimeException failure) {
        if (failure instanceof ConnectionGone gone) {
            throw gone;
        }
        if (failure instanceof ShaleException e) {
            if (e.fatal()) {
                throw e;
            }
            writer.errorOrNotice('E', "ERROR", e.code().sqlState(), e.getMessage(), e.detail(), e.hint(),
                    e.position());
            return;
        }
        LOG.log(System.Logger.Level.ERROR, "internal error in session " + session.processId(), failure);
        writer.errorOrNotice('E', "ERROR", ErrorCode.INTERNAL_ERROR.sqlState(), "internal error", null, null, 0);
    }

    private void parse(FrontendMessage.Parse parse) {
        session.parse(parse.name(), parse.sql(), parse.parameterTypes());
        writer.empty('1');
    }

    private void bind(FrontendMessage.Bind bind) {
        StatementDescription description = session.describeStatement(bind.statement());
        int[] types = description.parameterTypes();
        byte[][] values = bind.parameters();
        if (values.length != types.length) {
            throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "bind message supplies " + values.length
                    + " parameters, but prepared statement \"" + bind.statement() + "\" requires " + types.length);
        }
        short[] formats = bind.parameterFormats();
        if (formats.length > 1 && formats.length != values.length) {
            throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "bind message has " + formats.length
                    + " parameter formats but " + values.length + " parameters");
        }
        short[] resultFormats = bind.resultFormats();
        if (resultFormats.length > 1 && resultFormats.length != description.columns().size()) {
            throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "bind message has " + resultFormats.length
                    + " result formats but query has " + description.columns().size() + " columns");
        }
        for (short format : resultFormats) {
            checkFormat(format);
        }
        FormatSettings settings = session.formatSettings();
        Object[] parameters = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                short format = formats.length == 0 ? 0 : formats[formats.length == 1 ? 0 : i];
                parameters[i] = decode(SqlType.of(types[i]), checkFormat(format), values[i], settings);
            }
        }
        session.bind(bind.portal(), bind.statement(), parameters, resultFormats);
        writer.empty('2');
    }

    private static short checkFormat(short format) {
        if (format != 0 && format != 1) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "unsupported format code: " + format);
        }
        return format;
    }

    private static Object decode(SqlType type, short format, byte[] value, FormatSettings settings) {
        if (format == 1) {
            return BinaryCodec.decode(type, value, settings);
        }
        return TextCodec.parse(type, new String(value, StandardCharsets.UTF_8), settings);
    }

    private void describe(FrontendMessage.Describe describe) {
        switch (describe.kind()) {
            case 'S' -> {
                StatementDescription description = session.describeStatement(describe.name());
                writer.parameterDescription(description.parameterTypes());
                rowDescriptionOrNoData(description.columns(), null);
            }
            case 'P' -> {
                List<ColumnDescription> columns = session.describePortal(describe.name());
                rowDescriptionOrNoData(columns, columns.isEmpty() ? null : session.portalResultFormats(describe.name()));
            }
            default -> throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION,
                    "invalid DESCRIBE message subtype " + describe.kind());
        }
    }

    private void rowDescriptionOrNoData(List<ColumnDescription> columns, short[] formats) {
        if (columns.isEmpty()) {
            writer.empty('n');
        } else {
            writer.rowDescription(columns, formats);
        }
    }

    private void execute(FrontendMessage.Execute execute) {
        List<ColumnDescription> columns = session.describePortal(execute.portal());
        short[] formats = columns.isEmpty() ? null : session.portalResultFormats(execute.portal());
        ResultListener listener = new ResultListener(writer, session, input).withColumns(columns, formats);
        session.execute(execute.portal(), execute.maxRows(), listener);
    }

    private void close(FrontendMessage.Close close) {
        switch (close.kind()) {
            case 'S' -> session.closeStatement(close.name());
            case 'P' -> session.closePortal(close.name());
            default -> throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION,
                    "invalid CLOSE message subtype " + close.kind());
        }
        writer.empty('3');
    }
}
