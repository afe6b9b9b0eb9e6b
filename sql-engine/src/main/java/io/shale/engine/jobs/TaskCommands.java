package io.shale.engine.jobs;

/** Runs the command of a background task: the engine opens an internal session in the task's database as its owner. */
interface TaskCommands {
    /** A session ready to run one task's command. */
    Attempt open(BackgroundTask task);

    /** One attempt of a task in its own session. */
    interface Attempt extends AutoCloseable {
        /** The session's process id (pg_dist_background_task.pid). */
        int pid();

        /** Runs the command; a failure is a {@link io.shale.common.error.ShaleException}. */
        void run();

        /** Cancels the running command (from another thread). */
        void cancel();

        @Override
        void close();
    }
}
