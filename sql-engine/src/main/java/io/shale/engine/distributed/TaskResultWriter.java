package io.shale.engine.distributed;

import io.shale.cluster.rpc.RpcContext;
import io.shale.cluster.txn.TaskChunks;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.ByteSink;
import io.shale.common.types.RowCodec;
import io.shale.common.types.SqlType;
import io.shale.engine.session.ColumnDescription;
import io.shale.engine.session.InternalQueryListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Streams what a task's statement produces back to the coordinator as {@link TaskChunks}: the column types, then
 * batches of rows of about {@value #BATCH_BYTES} bytes; a result smaller than one batch streams nothing and comes back
 * whole in the final answer ({@link TaskChunks#inline}). Used on the handler's thread; without a context (transaction
 * control statements, which return no rows) it only keeps the command tag.
 */
final class TaskResultWriter extends InternalQueryListener {
    private static final int BATCH_BYTES = 64 * 1024;

    private final RpcContext context;
    private SqlType[] types;
    private final List<byte[]> batch = new ArrayList<>();
    private int batchBytes;
    private final ByteSink row = new ByteSink(256);
    private final ByteSink scratch = new ByteSink(64);
    private String tag = "";
    /** The types chunk, until it is streamed ahead of the first full batch. */
    private byte[] pendingTypes;
    private boolean streamed;

    TaskResultWriter(RpcContext context) {
        this.context = context;
    }

    @Override
    public void rowDescription(List<ColumnDescription> columns) {
        types = new SqlType[columns.size()];
        List<SqlType> list = new ArrayList<>(columns.size());
        for (int i = 0; i < types.length; i++) {
            types[i] = new SqlType(columns.get(i).typeOid(), columns.get(i).typeModifier());
            list.add(types[i]);
        }
        pendingTypes = TaskChunks.types(list);
    }

    @Override
    public void row(Object[] values) {
        row.reset();
        RowCodec.encode(types, values, row, scratch);
        byte[] encoded = row.toByteArray();
        batch.add(encoded);
        batchBytes += encoded.length + 4;
        if (batchBytes >= BATCH_BYTES) {
            flush();
        }
    }

    private void flush() {
        if (pendingTypes != null) {
            context.emit(pendingTypes);
            pendingTypes = null;
            streamed = true;
        }
        if (!batch.isEmpty()) {
            streamed = true;
            context.emit(TaskChunks.rows(batch));
            batch.clear();
            batchBytes = 0;
        }
    }

    @Override
    public void commandComplete(String commandTag) {
        tag = commandTag;
    }

    /** The command tag of the statement (for the transaction control statements a task session runs itself). */
    String tag() {
        return tag;
    }

    /** The final answer: rows affected (the tag's count) and the tag. */
    byte[] completion() {
        byte[] complete = TaskChunks.complete(rowsAffected(tag), tag);
        if (streamed) {
            flush();
            return complete;
        }
        byte[] answer = TaskChunks.inline(pendingTypes, batch.isEmpty() ? null : TaskChunks.rows(batch), complete);
        pendingTypes = null;
        batch.clear();
        batchBytes = 0;
        return answer;
    }

    static long rowsAffected(String tag) {
        int space = tag.lastIndexOf(' ');
        if (space < 0) {
            return 0;
        }
        try {
            return Long.parseLong(tag.substring(space + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void copyOutStart(boolean binary, int columnCount) {
        throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY in a distributed task is not supported");
    }

    @Override
    protected String context() {
        return "a distributed task";
    }
}
