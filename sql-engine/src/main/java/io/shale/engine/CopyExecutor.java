package io.shale.engine;

import io.shale.catalog.Column;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.engine.exec.Operator;
import io.shale.engine.system.Identifiers;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.session.CopyInSource;
import io.shale.engine.session.QueryListener;
import io.shale.grammar.ast.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * COPY … FROM STDIN into a table (rows go in batches through the INSERT plan, see
 * {@link CopyInserter}, so defaults, constraints and indexes apply) and COPY … TO STDOUT from a table or a query.
 */
final class CopyExecutor {
    private final EngineSession session;
    private final StatementExecutor executor;

    CopyExecutor(Engine engine, EngineSession session, StatementExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    Outcome copy(Copy copy, QueryListener listener) {
        if (copy.file() != null || copy.program()) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY to or from a file is not supported; use STDIN/STDOUT (psql's \\copy)");
        }
        if (copy.where() != null) {
            throw StatementExecutor.unsupported("COPY … WHERE");
        }
        CopyFormat format = CopyFormat.of(copy.options());
        return copy.from() ? copyIn(copy, format, listener) : copyOut(copy, format, listener);
    }

    private Table table(QualifiedName name) {
        Relation r = executor.analyzerContext(List.of()).findRelation(name);
        if (r instanceof Table t) {
            return t;
        }
        if (r == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", name.parts()) + "\" does not exist");
        }
        throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "cannot copy from " + TableDdl.kindName(r) + " \"" + r.name() + "\"");
    }

    private List<Column> columns(Table table, List<String> names) {
        if (names.isEmpty()) {
            return table.liveColumns();
        }
        List<Column> columns = new ArrayList<>();
        for (String n : names) {
            Column c = table.column(n);
            if (c == null) {
                throw new ShaleException(ErrorCode.UNDEFINED_COLUMN, "column \"" + n + "\" of relation \"" + table.name()
                        + "\" does not exist");
            }
            columns.add(c);
        }
        return columns;
    }

    private Outcome copyIn(Copy copy, CopyFormat format, QueryListener listener) {
        if (copy.query() != null) {
            throw new ShaleException(ErrorCode.SYNTAX_ERROR, "COPY FROM does not support a query");
        }
        Table table = table(copy.table());
        List<Column> columns = columns(table, copy.columns());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Identifiers.quote(session.state.catalog()
                .objects(session.database.oid()).namespace(table.namespaceOid()).name())).append('.')
                .append(Identifiers.quote(table.name())).append(" (");
        List<SqlType> types = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Identifiers.quote(columns.get(i).name()));
            types.add(columns.get(i).type());
        }
        sql.append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "$" : ", $").append(i + 1);
        }
        sql.append(')');
        Prepared insert = new Prepared("", sql.toString(), session.parser().parseStatement(sql.toString()), types);
        Prepared.Plan plan = executor.plan(insert);
        executor.checkPrivileges(plan);
        CopyInSource source = listener.copyIn(false, columns.size());
        CopyReader reader = new CopyReader(source, format);
        CopyInserter inserter = new CopyInserter(executor, plan, columns.size());
        FormatSettings settings = session.state.formatSettings();
        SqlType[] columnTypes = types.toArray(new SqlType[0]);
        boolean[] forceNotNull = new boolean[columns.size()];
        for (int i = 0; i < forceNotNull.length; i++) {
            forceNotNull[i] = format.forceNotNull().contains(columns.get(i).name());
        }
        long rows = 0;
        boolean skipHeader = format.header();
        try {
            while (true) {
                try {
                    List<String> fields = reader.next();
                    if (fields == null) {
                        break;
                    }
                    if (skipHeader) {
                        skipHeader = false;
                        continue;
                    }
                    if (fields.size() != columnTypes.length) {
                        throw new ShaleException(ErrorCode.BAD_COPY_FILE_FORMAT, fields.size() < columnTypes.length
                                ? "missing data for column \"" + columns.get(fields.size()).name() + "\""
                                : "extra data after last expected column");
                    }
                    for (int i = 0; i < columnTypes.length; i++) {
                        String f = fields.get(i);
                        if (f == null && forceNotNull[i]) {
                            f = "";
                        }
                        inserter.set(i, f == null ? null : TextCodec.parse(columnTypes[i], f, settings));
                    }
                } catch (ShaleException e) {
                    inserter.flush();
                    throw e;
                }
                inserter.add(reader.line());
                rows++;
                if ((rows & 1023) == 0) {
                    io.shale.engine.exec.CarrierYield.now();
                    session.state.checkInterrupted();
                }
            }
            inserter.flush();
        } catch (ShaleException e) {
            reader.drain();
            long line = inserter.failedLine() >= 0 ? inserter.failedLine() : reader.line();
            String context = "COPY " + table.name() + ", line " + line;
            throw e.detail() == null ? e.withDetail(context) : e;
        }
        return new Outcome.Done("COPY " + rows);
    }

    private Outcome copyOut(Copy copy, CopyFormat format, QueryListener listener) {
        Outcome.Rows rows;
        if (copy.query() != null) {
            Prepared prepared = new Prepared("", "", copy.query(), List.of());
            Outcome o = copy.query() instanceof Query ? executor.rows(prepared, new Object[0], n -> "")
                    : executor.runToOutcome(new Portal("", prepared, new Object[0], new short[0]), listener);
            if (!(o instanceof Outcome.Rows r)) {
                throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY query must have a RETURNING clause");
            }
            rows = r;
        } else {
            Table table = table(copy.table());
            List<Column> columns = columns(table, copy.columns());
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(Identifiers.quote(columns.get(i).name()));
            }
            sql.append(" FROM ").append(Identifiers.quote(session.state.catalog().objects(session.database.oid())
                    .namespace(table.namespaceOid()).name())).append('.').append(Identifiers.quote(table.name()));
            Prepared prepared = new Prepared("", sql.toString(), session.parser().parseStatement(sql.toString()), List.of());
            rows = (Outcome.Rows) executor.rows(prepared, new Object[0], n -> "");
        }
        List<OutputColumn> columns = rows.columns();
        listener.copyOutStart(false, columns.size());
        CopyWriter writer = new CopyWriter(format, columns, session.state.formatSettings());
        if (format.header()) {
            listener.copyOutData(writer.header());
        }
        long count = 0;
        try (Operator op = rows.rows()) {
            for (Object[] row = op.next(); row != null; row = op.next()) {
                listener.copyOutData(writer.row(row));
                count++;
            }
        }
        listener.copyOutDone();
        return new Outcome.Done("COPY " + count);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
