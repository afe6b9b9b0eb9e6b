package io.shale.engine.isolation;

/** One client session a schedule drives; it is used by one thread at a time. */
interface StepSession extends AutoCloseable {

    /**
     * Runs one statement and returns its outcome as the schedule log shows it: the rows, if any, then the command
     * tag, or {@code ERROR <sqlstate>: <message>}.
     */
    String run(String sql);

    /** Whether the thread running a statement of this session is waiting for a lock now. */
    boolean waitingForLock(Thread thread);

    @Override
    void close();
}
