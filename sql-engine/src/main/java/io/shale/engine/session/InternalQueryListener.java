package io.shale.engine.session;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.List;

/**
 * A {@link QueryListener} for statements a node runs for itself (forwarded DDL, tasks, test and
 * benchmark clients): what a client would be sent is dropped unless a subclass wants it, and COPY
 * FROM STDIN, which needs a client, is refused. The wire layer implements {@code QueryListener}
 * in full instead.
 */
public abstract class InternalQueryListener implements QueryListener {
    @Override
    public void rowDescription(List<ColumnDescription> columns) {
    }

    @Override
    public void row(Object[] values) {
    }

    @Override
    public void commandComplete(String tag) {
    }

    @Override
    public void portalSuspended() {
    }

    @Override
    public void emptyQuery() {
    }

    @Override
    public void notice(Notice notice) {
    }

    @Override
    public CopyInSource copyIn(boolean binary, int columnCount) {
        throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY FROM STDIN is not supported in " + context());
    }

    @Override
    public void copyOutStart(boolean binary, int columnCount) {
    }

    @Override
    public void copyOutData(byte[] data) {
    }

    @Override
    public void copyOutDone() {
    }

    /** Where the statement runs, for the COPY refusal: "a distributed task", "a forwarded statement", … */
    protected String context() {
        return "a statement run by the node itself";
    }
}
