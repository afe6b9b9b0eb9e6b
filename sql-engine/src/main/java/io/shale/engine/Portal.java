package io.shale.engine;

/**
 * A bound statement (Bind, or DECLARE CURSOR): its parameters and result formats, and once it has
 * run, the outcome whose rows are still being sent (Execute with a row limit, FETCH).
 */
final class Portal {
    final String name;
    final Prepared prepared;
    final Object[] parameters;
    final short[] resultFormats;
    Outcome outcome;
    long sent;
    boolean finished;
    /** A cursor declared WITH HOLD outlives its transaction; every other portal ends with it. */
    boolean holdable;

    Portal(String name, Prepared prepared, Object[] parameters, short[] resultFormats) {
        this.name = name;
        this.prepared = prepared;
        this.parameters = parameters;
        this.resultFormats = resultFormats;
    }

    void close() {
        if (outcome instanceof Outcome.Rows rows) {
            rows.rows().close();
        }
        finished = true;
    }
}
