package io.shale.engine.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.temporal.ChronoUnit;

/**
 * The jobs and tasks of a node and their state machine (Citus's background task queue): which tasks may start, what
 * a finished, failed or cancelled task does to its dependents and to its job. Every change is handed to the
 * {@link Sink} (the durable records) before it becomes visible. Thread-safe: all methods synchronise on the queue,
 * and waiters are woken on every change.
 */
final class JobQueue {
    /** Where changed rows go (the store), before the change is visible. */
    interface Sink {
        void job(BackgroundJob job);

        void task(BackgroundTask task);
    }

    /** How an attempt of a task ended. */
    sealed interface Outcome permits Success, Failure {
    }

    /** The command succeeded. */
    record Success() implements Outcome {
    }

    /** The command failed with {@code message} ({@code ERROR: ...}); {@code cancelled} when by a cancel request. */
    record Failure(String message, boolean cancelled) implements Outcome {
    }

    private final Clock clock;
    private final RetryPolicy retries;
    private final Sink sink;
    private final TreeMap<Long, BackgroundJob> jobs = new TreeMap<>();
    private final TreeMap<Long, BackgroundTask> tasks = new TreeMap<>();
    private long lastJobId;
    private long lastTaskId;

    JobQueue(Clock clock, RetryPolicy retries, Sink sink) {
        this.clock = clock;
        this.retries = retries;
        this.sink = sink;
    }

    /**
     * Restores stored rows after a restart: a task that was running (or being cancelled) when the node stopped is
     * runnable (cancelled) again, as Citus's queue monitor resets running tasks when it starts.
     */
    synchronized void load(List<BackgroundJob> storedJobs, List<BackgroundTask> storedTasks) {
        for (BackgroundJob j : storedJobs) {
            jobs.put(j.jobId(), j);
            lastJobId = Math.max(lastJobId, j.jobId());
        }
        for (BackgroundTask t : storedTasks) {
            lastTaskId = Math.max(lastTaskId, t.taskId());
            BackgroundTask restored = switch (t.status()) {
                case RUNNING -> t.with(TaskStatus.RUNNABLE, null, t.retryCount(), t.notBefore(), t.message());
                case CANCELLING -> t.with(TaskStatus.CANCELLED, null, t.retryCount(), t.notBefore(), t.message());
                default -> t;
            };
            tasks.put(t.taskId(), restored);
            if (restored != t) {
                sink.task(restored);
            }
        }
        for (BackgroundJob j : storedJobs) {
            updateJob(j.jobId());
        }
        notifyAll();
    }

    /** Adds a job with its tasks; tasks with dependencies start blocked. Returns the job id. */
    synchronized long schedule(int databaseOid, int ownerOid, String jobType, String description,
                               List<TaskSpec> specs) {
        long jobId = ++lastJobId;
        BackgroundJob job = new BackgroundJob(databaseOid, jobId, JobStatus.SCHEDULED, jobType, description, null,
                null);
        sink.job(job);
        jobs.put(jobId, job);
        long[] ids = new long[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            TaskSpec spec = specs.get(i);
            List<Long> depends = new ArrayList<>();
            for (int position : spec.dependsOn()) {
                if (position < 0 || position >= i) {
                    throw new IllegalArgumentException("task " + i + " depends on a task that is not before it");
                }
                depends.add(ids[position]);
            }
            ids[i] = ++lastTaskId;
            BackgroundTask task = new BackgroundTask(databaseOid, jobId, ids[i], ownerOid, null,
                    depends.isEmpty() ? TaskStatus.RUNNABLE : TaskStatus.BLOCKED, spec.command(), null, null, "",
                    spec.nodesInvolved(), depends);
            sink.task(task);
            tasks.put(ids[i], task);
        }
        updateJob(jobId);
        notifyAll();
        return jobId;
    }

    /**
     * Marks as running the runnable tasks that may start now, oldest first: their time has come, at most
     * {@code maxExecutors} tasks run at once and at most {@code maxPerNode} involve any one node.
     */
    synchronized List<BackgroundTask> claim(int maxExecutors, int maxPerNode) {
        Instant now = now();
        int running = 0;
        Map<Integer, Integer> perNode = new HashMap<>();
        for (BackgroundTask t : tasks.values()) {
            if (t.status() == TaskStatus.RUNNING || t.status() == TaskStatus.CANCELLING) {
                running++;
                for (int node : t.nodesInvolved()) {
                    perNode.merge(node, 1, Integer::sum);
                }
            }
        }
        List<BackgroundTask> claimed = new ArrayList<>();
        for (BackgroundTask t : List.copyOf(tasks.values())) {
            if (running >= maxExecutors) {
                break;
            }
            if (t.status() != TaskStatus.RUNNABLE || t.notBefore() != null && t.notBefore().isAfter(now)
                    || !nodesFree(t, perNode, maxPerNode)) {
                continue;
            }
            BackgroundTask next = t.with(TaskStatus.RUNNING, null, t.retryCount(), t.notBefore(), t.message());
            put(next);
            for (int node : t.nodesInvolved()) {
                perNode.merge(node, 1, Integer::sum);
            }
            running++;
            claimed.add(next);
            updateJob(t.jobId());
        }
        if (!claimed.isEmpty()) {
            notifyAll();
        }
        return claimed;
    }

    private static boolean nodesFree(BackgroundTask t, Map<Integer, Integer> perNode, int maxPerNode) {
        for (int node : t.nodesInvolved()) {
            if (perNode.getOrDefault(node, 0) >= maxPerNode) {
                return false;
            }
        }
        return true;
    }

    /** Records the process id of the session that runs a claimed task; false when it is being cancelled already. */
    synchronized boolean started(long taskId, int pid) {
        BackgroundTask t = tasks.get(taskId);
        if (t == null || t.status() != TaskStatus.RUNNING) {
            return false;
        }
        put(t.with(TaskStatus.RUNNING, pid, t.retryCount(), t.notBefore(), t.message()));
        notifyAll();
        return true;
    }

    /** Records how an attempt of a running (or cancelling) task ended, and its effects on dependents and job. */
    synchronized void finished(long taskId, Outcome outcome) {
        BackgroundTask t = tasks.get(taskId);
        if (t == null || t.status() != TaskStatus.RUNNING && t.status() != TaskStatus.CANCELLING) {
            return;
        }
        String message = outcome instanceof Failure f ? f.message() : t.message();
        if (t.status() == TaskStatus.CANCELLING || outcome instanceof Failure f && f.cancelled()) {
            put(t.with(TaskStatus.CANCELLED, null, t.retryCount(), t.notBefore(), message));
        } else if (outcome instanceof Success) {
            put(t.with(TaskStatus.DONE, null, t.retryCount(), null, message));
            unblockDependents(t);
        } else {
            int retry = t.retryCount() == null ? 1 : t.retryCount() + 1;
            Duration delay = retries.delay(retry);
            if (delay == null) {
                put(t.with(TaskStatus.ERROR, null, retry, null, message));
                unscheduleDependents(t.taskId());
            } else {
                put(t.with(TaskStatus.RUNNABLE, null, retry, now().plus(delay), message));
            }
        }
        updateJob(t.jobId());
        notifyAll();
    }

    private void unblockDependents(BackgroundTask done) {
        for (BackgroundTask t : List.copyOf(tasks.values())) {
            if (t.jobId() != done.jobId() || t.status() != TaskStatus.BLOCKED || !t.dependsOn().contains(done.taskId())) {
                continue;
            }
            boolean ready = true;
            for (long dependency : t.dependsOn()) {
                BackgroundTask d = tasks.get(dependency);
                ready &= d != null && d.status() == TaskStatus.DONE;
            }
            if (ready) {
                put(t.withStatus(TaskStatus.RUNNABLE));
            }
        }
    }

    private void unscheduleDependents(long failedId) {
        for (BackgroundTask t : List.copyOf(tasks.values())) {
            if (!t.status().terminal() && t.status() != TaskStatus.RUNNING && t.dependsOn().contains(failedId)) {
                put(t.withStatus(TaskStatus.UNSCHEDULED));
                unscheduleDependents(t.taskId());
            }
        }
    }

    /**
     * Cancels a job (citus_job_cancel): its tasks that did not end are cancelled, running ones become cancelling and
     * their process ids are returned so that their sessions get cancelled. Null when the job does not exist.
     */
    synchronized List<Integer> cancel(int databaseOid, long jobId) {
        BackgroundJob job = jobs.get(jobId);
        if (job == null || job.databaseOid() != databaseOid) {
            return null;
        }
        List<Integer> pids = new ArrayList<>();
        for (BackgroundTask t : List.copyOf(tasks.values())) {
            if (t.jobId() != jobId || t.status().terminal()) {
                continue;
            }
            if (t.status() == TaskStatus.RUNNING || t.status() == TaskStatus.CANCELLING) {
                put(t.withStatus(TaskStatus.CANCELLING));
                if (t.pid() != null) {
                    pids.add(t.pid());
                }
            } else {
                put(t.with(TaskStatus.CANCELLED, null, t.retryCount(), null, t.message()));
            }
        }
        updateJob(jobId);
        notifyAll();
        return pids;
    }

    private void put(BackgroundTask t) {
        sink.task(t);
        tasks.put(t.taskId(), t);
    }

    /** Derives the job's state from its tasks, with started_at and finished_at as Citus sets them. */
    private void updateJob(long jobId) {
        BackgroundJob job = jobs.get(jobId);
        int[] counts = new int[TaskStatus.values().length];
        int total = 0;
        for (BackgroundTask t : tasks.values()) {
            if (t.jobId() == jobId) {
                counts[t.status().ordinal()]++;
                total++;
            }
        }
        JobStatus next = jobState(counts, total);
        Instant now = now();
        Instant started = job.startedAt() == null && counts[TaskStatus.RUNNING.ordinal()] > 0 ? now : job.startedAt();
        Instant finished = next.terminal() ? (job.finishedAt() == null ? now : job.finishedAt()) : null;
        if (next != job.state() || started != job.startedAt() || finished != job.finishedAt()) {
            BackgroundJob updated = job.withState(next, started, finished);
            sink.job(updated);
            jobs.put(jobId, updated);
        }
    }

    private static JobStatus jobState(int[] counts, int total) {
        int unfinished = counts[TaskStatus.BLOCKED.ordinal()] + counts[TaskStatus.RUNNABLE.ordinal()]
                + counts[TaskStatus.RUNNING.ordinal()];
        if (counts[TaskStatus.CANCELLING.ordinal()] > 0) {
            return JobStatus.CANCELLING;
        }
        if (counts[TaskStatus.CANCELLED.ordinal()] > 0) {
            return JobStatus.CANCELLED;
        }
        if (counts[TaskStatus.ERROR.ordinal()] > 0) {
            return unfinished > 0 ? JobStatus.FAILING : JobStatus.FAILED;
        }
        if (counts[TaskStatus.DONE.ordinal()] == total) {
            return JobStatus.FINISHED;
        }
        if (counts[TaskStatus.RUNNING.ordinal()] > 0 || counts[TaskStatus.DONE.ordinal()] > 0) {
            return JobStatus.RUNNING;
        }
        return JobStatus.SCHEDULED;
    }

    /** The earliest future time a runnable task may start at, or null. */
    synchronized Instant nextRetryTime() {
        Instant now = now();
        Instant earliest = null;
        for (BackgroundTask t : tasks.values()) {
            if (t.status() == TaskStatus.RUNNABLE && t.notBefore() != null && t.notBefore().isAfter(now)
                    && (earliest == null || t.notBefore().isBefore(earliest))) {
                earliest = t.notBefore();
            }
        }
        return earliest;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Waits up to {@code millis} for any change. */
    synchronized void awaitChange(long millis) throws InterruptedException {
        wait(millis);
    }

    synchronized BackgroundJob job(int databaseOid, long jobId) {
        BackgroundJob j = jobs.get(jobId);
        return j == null || j.databaseOid() != databaseOid ? null : j;
    }

    synchronized BackgroundTask task(int databaseOid, long taskId) {
        BackgroundTask t = tasks.get(taskId);
        return t == null || t.databaseOid() != databaseOid ? null : t;
    }

    /** The jobs of a database, by job id. */
    synchronized List<BackgroundJob> jobs(int databaseOid) {
        List<BackgroundJob> out = new ArrayList<>();
        for (BackgroundJob j : jobs.values()) {
            if (j.databaseOid() == databaseOid) {
                out.add(j);
            }
        }
        return out;
    }

    /** The tasks of a database (of one job when {@code jobId} is not null), by task id. */
    synchronized List<BackgroundTask> tasks(int databaseOid, Long jobId) {
        List<BackgroundTask> out = new ArrayList<>();
        for (BackgroundTask t : tasks.values()) {
            if (t.databaseOid() == databaseOid && (jobId == null || t.jobId() == jobId)) {
                out.add(t);
            }
        }
        return out;
    }
}
