package io.shale.engine.jobs;

import io.shale.catalog.Catalog;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A node's background jobs (Citus's background task queue, {@code reference/citus.md} §1.7, §2.8, §7.4): the jobs and
 * tasks of every database, kept in the node's store, and the runner that executes them on the coordinator. A task's
 * command runs as SQL in an internal session of the node, in the task's database, as the task's owner, on a virtual
 * thread; at most {@link JobsConfig#maxExecutors()} at once and {@link JobsConfig#maxExecutorsPerNode()} per node of
 * {@code nodes_involved}. The queue is looked at every {@link JobsConfig#queueInterval()}, at once when a job is
 * scheduled or a task ends, and when a retry is due. Thread-safe; {@link #start()} starts the runner's thread,
 * {@link #close()} stops it (tasks still running are found running at the next start and run again).
 */
public final class BackgroundJobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackgroundJobs.class.getName());
    private static final long WAIT_POLL_MILLIS = 100;

    private final JobsConfig config;
    private final JobQueue queue;
    private final TaskCommands commands;
    private final BooleanSupplier coordinator;
    private final Map<Integer, Running> running = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService loop;
    private volatile boolean closed;

    /** A task's attempt under way. */
    private record Running(BackgroundTask task, TaskCommands.Attempt attempt) {
    }

    BackgroundJobs(Clock clock, JobsConfig config, JobQueue.Sink sink, TaskCommands commands,
                   BooleanSupplier coordinator) {
        this.config = config;
        this.queue = new JobQueue(clock, config.retries(), sink);
        this.commands = commands;
        this.coordinator = coordinator;
    }

    /**
     * The background jobs of an engine over {@code store} (their rows are read from it now), running commands in
     * sessions from {@code opener}; tasks run only while {@code coordinator} says this node is the coordinator.
     */
    public static BackgroundJobs open(KeyValueStore store, Map<String, String> settings, Supplier<Catalog> catalog,
                                      SessionOpener opener, BooleanSupplier coordinator) {
        JobRecords records = new JobRecords(store);
        BackgroundJobs jobs = new BackgroundJobs(Clock.systemUTC(), JobsConfig.fromSettings(settings), records,
                new SessionCommands(catalog, opener), coordinator);
        jobs.queue.load(records.jobs(), records.tasks());
        return jobs;
    }

    JobQueue queue() {
        return queue;
    }

    /** Starts the runner's thread. Idempotent. */
    public synchronized void start() {
        if (loop != null || closed) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("shale-background-jobs").factory());
        long interval = config.queueInterval().toMillis();
        if (interval > 0) {
            loop.scheduleWithFixedDelay(this::pass, interval, interval, TimeUnit.MILLISECONDS);
        }
        wake();
    }

    /** Looks at the queue at once. */
    void wake() {
        ScheduledExecutorService l = loop;
        if (l == null || closed) {
            return;
        }
        try {
            l.execute(this::pass);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "background job runner stopped");
        }
    }

    private void pass() {
        if (closed || !coordinator.getAsBoolean()) {
            return;
        }
        try {
            cancelAgain();
            for (BackgroundTask task : queue.claim(config.maxExecutors(), config.maxExecutorsPerNode())) {
                Thread.ofVirtual().name("background-task-" + task.taskId()).start(() -> run(task));
            }
            Instant retry = queue.nextRetryTime();
            ScheduledExecutorService l = loop;
            if (retry != null && l != null) {
                long delay = Math.max(1, Duration.between(Instant.now(), retry).toMillis() + 1);
                l.schedule(this::pass, delay, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "background task queue pass failed: " + e.getMessage(), e);
        }
    }

    /**
     * Repeats the cancel of attempts whose task is being cancelled: a cancel that reaches a session just before its
     * statement starts is forgotten by the session.
     */
    private void cancelAgain() {
        for (Running r : running.values()) {
            if (cancelling(r.task())) {
                r.attempt().cancel();
            }
        }
    }

    private void run(BackgroundTask task) {
        JobQueue.Outcome outcome;
        TaskCommands.Attempt attempt = null;
        try {
            attempt = commands.open(task);
            running.put(attempt.pid(), new Running(task, attempt));
            if (!queue.started(task.taskId(), attempt.pid())) {
                outcome = new JobQueue.Failure("", true);
            } else {
                attempt.run();
                outcome = new JobQueue.Success();
            }
        } catch (ShaleException e) {
            outcome = new JobQueue.Failure(message(e), e.code() == ErrorCode.QUERY_CANCELED && cancelling(task));
        } catch (RuntimeException e) {
            outcome = new JobQueue.Failure("ERROR: " + e.getMessage(), false);
        } finally {
            if (attempt != null) {
                running.remove(attempt.pid());
                attempt.close();
            }
        }
        if (!closed) {
            queue.finished(task.taskId(), outcome);
            wake();
        }
    }

    private boolean cancelling(BackgroundTask task) {
        BackgroundTask now = queue.task(task.databaseOid(), task.taskId());
        return now != null && now.status() == TaskStatus.CANCELLING;
    }

    /** Citus's text of a failed task's error: {@code ERROR: message}, then DETAIL and HINT lines. */
    static String message(ShaleException e) {
        StringBuilder text = new StringBuilder("ERROR: ").append(e.getMessage());
        if (e.detail() != null) {
            text.append("\nDETAIL: ").append(e.detail());
        }
        if (e.hint() != null) {
            text.append("\nHINT: ").append(e.hint());
        }
        return text.toString();
    }

    /**
     * Schedules a job with its tasks in database {@code databaseOid}, the commands to run as role {@code ownerOid};
     * returns the job id. The rows are durable when this returns (they do not wait for the caller's transaction).
     */
    public long schedule(int databaseOid, int ownerOid, String jobType, String description, List<TaskSpec> tasks) {
        long jobId = queue.schedule(databaseOid, ownerOid, jobType, description, tasks);
        wake();
        return jobId;
    }

    /**
     * {@link #schedule} unless the database has a job of {@code jobType} that has not ended (checked and scheduled
     * atomically, so that two callers cannot both schedule): the new job's id, or {@code -id} of the unfinished one.
     */
    public synchronized long scheduleAlone(int databaseOid, int ownerOid, String jobType, String description,
                                           List<TaskSpec> tasks) {
        BackgroundJob unfinished = unfinishedJob(databaseOid, jobType);
        return unfinished != null ? -unfinished.jobId() : schedule(databaseOid, ownerOid, jobType, description, tasks);
    }

    /** citus_job_cancel: cancels the job's tasks that did not end, and the sessions running its tasks. */
    public void cancel(int databaseOid, long jobId) {
        List<Integer> pids = queue.cancel(databaseOid, jobId);
        if (pids == null) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "no job found for job with jobid: " + jobId);
        }
        for (int pid : pids) {
            Running r = running.get(pid);
            if (r != null) {
                r.attempt().cancel();
            }
        }
        ScheduledExecutorService l = loop;
        if (l != null && !pids.isEmpty()) {
            for (long delay : new long[] {20, 100, 500, 2000}) {
                try {
                    l.schedule(this::cancelAgain, delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    LOG.log(System.Logger.Level.DEBUG, "background job runner stopped");
                }
            }
        }
        wake();
    }

    /**
     * citus_job_wait: waits until the job reaches {@code desired} (any terminal state when null);
     * {@code checkInterrupted} is called between looks and throws when the waiting statement is cancelled.
     */
    public void waitForJob(int databaseOid, long jobId, JobStatus desired, Runnable checkInterrupted) {
        while (true) {
            BackgroundJob job = queue.job(databaseOid, jobId);
            if (job == null) {
                throw new ShaleException(ErrorCode.INTERNAL_ERROR, "no job found for job with jobid: " + jobId);
            }
            if (desired != null && job.state() == desired) {
                return;
            }
            if (job.state().terminal()) {
                if (desired != null) {
                    throw new ShaleException(ErrorCode.INTERNAL_ERROR, "Job reached terminal state \""
                            + job.state().label() + "\" instead of desired state \"" + desired.label() + "\"");
                }
                return;
            }
            pause(checkInterrupted);
        }
    }

    /** citus_task_wait: as {@link #waitForJob} for one task. */
    public void waitForTask(int databaseOid, long taskId, TaskStatus desired, Runnable checkInterrupted) {
        while (true) {
            BackgroundTask task = queue.task(databaseOid, taskId);
            if (task == null) {
                throw new ShaleException(ErrorCode.INTERNAL_ERROR, "no task found with taskid: " + taskId);
            }
            if (desired != null && task.status() == desired) {
                return;
            }
            if (task.status().terminal()) {
                if (desired != null) {
                    throw new ShaleException(ErrorCode.INTERNAL_ERROR, "Task reached terminal state \""
                            + task.status().label() + "\" instead of desired state \"" + desired.label() + "\"");
                }
                return;
            }
            pause(checkInterrupted);
        }
    }

    private void pause(Runnable checkInterrupted) {
        checkInterrupted.run();
        try {
            queue.awaitChange(WAIT_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        }
        checkInterrupted.run();
    }

    /** The job, or null. */
    public BackgroundJob job(int databaseOid, long jobId) {
        return queue.job(databaseOid, jobId);
    }

    /** The task, or null. */
    public BackgroundTask task(int databaseOid, long taskId) {
        return queue.task(databaseOid, taskId);
    }

    /**
     * The newest job of {@code jobType} in the database that has not reached a terminal state, or null (Citus's
     * HasNonTerminalJobOfType: one rebalance at a time).
     */
    public BackgroundJob unfinishedJob(int databaseOid, String jobType) {
        BackgroundJob found = null;
        for (BackgroundJob j : queue.jobs(databaseOid)) {
            if (j.jobType().equals(jobType) && !j.state().terminal()) {
                found = j;
            }
        }
        return found;
    }

    /**
     * Runs {@code command} now in a session of its own (the owner's, in the database), outside any job, and waits for
     * it: the steps of a foreground rebalance, each committed on its own. {@code checkInterrupted} is polled while it
     * runs; when it throws, the command is cancelled, and the caller's exception follows once it has stopped. The
     * command's error is rethrown as it is.
     */
    public void runNow(int databaseOid, int ownerOid, String command, Runnable checkInterrupted) {
        BackgroundTask task = new BackgroundTask(databaseOid, 0, 0, ownerOid, null, TaskStatus.RUNNING, command, null,
                null, "", List.of(), List.of());
        try (TaskCommands.Attempt attempt = commands.open(task)) {
            RuntimeException[] failure = new RuntimeException[1];
            Thread runner = Thread.ofVirtual().name("foreground-step").start(() -> {
                try {
                    attempt.run();
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            });
            awaitStep(runner, attempt, checkInterrupted);
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }

    private static void awaitStep(Thread runner, TaskCommands.Attempt attempt, Runnable checkInterrupted) {
        try {
            while (!runner.join(Duration.ofMillis(WAIT_POLL_MILLIS))) {
                checkInterrupted.run();
            }
        } catch (InterruptedException e) {
            attempt.cancel();
            joinQuietly(runner);
            Thread.currentThread().interrupt();
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        } catch (RuntimeException e) {
            attempt.cancel();
            joinQuietly(runner);
            throw e;
        }
    }

    private static void joinQuietly(Thread runner) {
        try {
            runner.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The jobs of a database, by id. */
    public List<BackgroundJob> jobs(int databaseOid) {
        return queue.jobs(databaseOid);
    }

    /** The tasks of a database (of one job when {@code jobId} is not null), by id. */
    public List<BackgroundTask> tasks(int databaseOid, Long jobId) {
        return queue.tasks(databaseOid, jobId);
    }

    /** Stops the runner; tasks still running are left running in the records, to run again at the next start. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loop != null) {
            loop.shutdownNow();
        }
        for (Running r : running.values()) {
            r.attempt().cancel();
        }
    }
}
