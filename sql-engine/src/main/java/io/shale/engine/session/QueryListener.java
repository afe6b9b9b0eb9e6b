package io.shale.engine.session;

import java.util.List;

/**
 * Receives what a statement produces, in protocol order. Implemented by the wire layer; called
 * on the session's thread.
 */
public interface QueryListener {

    /** Simple protocol only: the statement returns rows with these columns (all text format). */
    void rowDescription(List<ColumnDescription> columns);

    /** One row; values follow the common value representation (see {@code io.shale.common.types}). */
    void row(Object[] values);

    /** CommandComplete with its tag, for example {@code SELECT 3} or {@code INSERT 0 1}. */
    void commandComplete(String tag);

    /** Extended protocol: the row limit was reached and the portal has more rows. */
    void portalSuspended();

    /** An empty query string (EmptyQueryResponse). */
    void emptyQuery();

    /** A NoticeResponse raised by the statement. */
    void notice(Notice notice);

    /**
     * COPY … FROM STDIN begins: the wire layer sends CopyInResponse and returns the client's data.
     *
     * @param binary whether the overall format is binary
     * @param columnCount number of columns copied
     */
    CopyInSource copyIn(boolean binary, int columnCount);

    /** COPY … TO STDOUT begins: the wire layer sends CopyOutResponse. */
    void copyOutStart(boolean binary, int columnCount);

    /** One CopyData message of a COPY TO STDOUT. */
    void copyOutData(byte[] data);

    /** CopyDone of a COPY TO STDOUT; {@link #commandComplete} follows. */
    void copyOutDone();
}
