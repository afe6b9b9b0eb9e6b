package io.shale.engine.isolation;

import io.shale.common.error.ShaleException;
import io.shale.engine.SqlSession;

/** A schedule session on Shale's engine; a step waits for a lock when its thread is parked in the lock manager. */
final class ShaleStepSession implements StepSession {
    private static final String LOCK_MANAGER = "io.shale.storage.lsm.LockManager";

    private final SqlSession sql;

    ShaleStepSession(SqlSession sql) {
        this.sql = sql;
    }

    @Override
    public String run(String statement) {
        try {
            return sql.outcome(statement);
        } catch (ShaleException e) {
            return "ERROR " + e.code().sqlState() + ": " + e.getMessage();
        }
    }

    @Override
    public boolean waitingForLock(Thread thread) {
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(LOCK_MANAGER)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        sql.close();
    }
}
