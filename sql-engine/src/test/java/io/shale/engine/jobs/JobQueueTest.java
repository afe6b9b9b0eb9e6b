package io.shale.engine.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The state machine of background jobs and tasks, on a clock the test moves (no sleeps). */
@Timeout(10)
class JobQueueTest {
    private static final int DB = 5;
    private static final int OWNER = 10;

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Keeps the last version of every row, as the store would. */
    static final class RecordingSink implements JobQueue.Sink {
        final Map<Long, BackgroundJob> jobs = new LinkedHashMap<>();
        final Map<Long, BackgroundTask> tasks = new LinkedHashMap<>();

        @Override
        public void job(BackgroundJob job) {
            jobs.put(job.jobId(), job);
        }

        @Override
        public void task(BackgroundTask task) {
            tasks.put(task.taskId(), task);
        }
    }

    private final TestClock clock = new TestClock();
    private final RecordingSink sink = new RecordingSink();
    private final JobQueue queue = new JobQueue(clock, RetryPolicy.CITUS, sink);

    private long schedule(TaskSpec... specs) {
        return queue.schedule(DB, OWNER, "test", "a test job", List.of(specs));
    }

    private TaskStatus status(long taskId) {
        return queue.task(DB, taskId).status();
    }

    private JobStatus state(long jobId) {
        return queue.job(DB, jobId).state();
    }

    private List<Long> claimIds(int max, int perNode) {
        List<Long> ids = new ArrayList<>();
        for (BackgroundTask t : queue.claim(max, perNode)) {
            ids.add(t.taskId());
        }
        return ids;
    }

    @Test
    void dependentTasksRunInOrderAndTheJobFinishes() {
        long job = schedule(TaskSpec.of("SELECT 1"), new TaskSpec("SELECT 2", List.of(), List.of(0)),
                new TaskSpec("SELECT 3", List.of(), List.of(0, 1)));
        List<BackgroundTask> tasks = queue.tasks(DB, job);
        long t1 = tasks.get(0).taskId();
        long t2 = tasks.get(1).taskId();
        long t3 = tasks.get(2).taskId();
        assertThat(state(job)).isEqualTo(JobStatus.SCHEDULED);
        assertThat(List.of(status(t1), status(t2), status(t3)))
                .containsExactly(TaskStatus.RUNNABLE, TaskStatus.BLOCKED, TaskStatus.BLOCKED);
        assertThat(tasks.get(2).dependsOn()).containsExactly(t1, t2);

        assertThat(claimIds(4, 4)).containsExactly(t1);
        assertThat(queue.started(t1, 1234)).isTrue();
        assertThat(queue.task(DB, t1).pid()).isEqualTo(1234);
        assertThat(state(job)).isEqualTo(JobStatus.RUNNING);
        assertThat(queue.job(DB, job).startedAt()).isEqualTo(clock.now);

        clock.advance(Duration.ofSeconds(1));
        queue.finished(t1, new JobQueue.Success());
        assertThat(status(t1)).isEqualTo(TaskStatus.DONE);
        assertThat(queue.task(DB, t1).pid()).isNull();
        assertThat(status(t2)).isEqualTo(TaskStatus.RUNNABLE);
        assertThat(status(t3)).isEqualTo(TaskStatus.BLOCKED);
        assertThat(claimIds(4, 4)).containsExactly(t2);
        queue.finished(t2, new JobQueue.Success());
        assertThat(claimIds(4, 4)).containsExactly(t3);
        queue.finished(t3, new JobQueue.Success());
        assertThat(state(job)).isEqualTo(JobStatus.FINISHED);
        assertThat(queue.job(DB, job).finishedAt()).isEqualTo(clock.now);
        assertThat(sink.jobs.get(job)).isEqualTo(queue.job(DB, job));
    }

    @Test
    void executorLimitsHoldOverallAndPerNode() {
        schedule(new TaskSpec("a", List.of(1, 2), List.of()), new TaskSpec("b", List.of(2, 3), List.of()),
                new TaskSpec("c", List.of(3, 4), List.of()), new TaskSpec("d", List.of(5, 6), List.of()));
        assertThat(claimIds(1, 1)).hasSize(1);
        assertThat(claimIds(1, 1)).isEmpty();
        List<Long> more = claimIds(10, 1);
        assertThat(more).hasSize(2);
        assertThat(queue.tasks(DB, null)).extracting(BackgroundTask::status)
                .containsExactly(TaskStatus.RUNNING, TaskStatus.RUNNABLE, TaskStatus.RUNNING, TaskStatus.RUNNING);
        assertThat(claimIds(10, 2)).hasSize(1);
    }

    @Test
    void failuresAreRetriedOnCitusScheduleThenErrorUnschedulesDependents() {
        long job = schedule(TaskSpec.of("SELECT 1/0"), new TaskSpec("SELECT 2", List.of(), List.of(0)),
                new TaskSpec("SELECT 3", List.of(), List.of(1)));
        List<BackgroundTask> tasks = queue.tasks(DB, job);
        long failing = tasks.get(0).taskId();
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 33; attempt++) {
            assertThat(claimIds(1, 1)).as("attempt %d", attempt).containsExactly(failing);
            queue.finished(failing, new JobQueue.Failure("ERROR: division by zero", false));
            BackgroundTask t = queue.task(DB, failing);
            if (attempt <= 32) {
                assertThat(t.status()).isEqualTo(TaskStatus.RUNNABLE);
                assertThat(t.retryCount()).isEqualTo(attempt);
                assertThat(t.message()).isEqualTo("ERROR: division by zero");
                Duration wait = Duration.between(clock.now, t.notBefore());
                waits.add(wait);
                assertThat(claimIds(1, 1)).isEmpty();
                assertThat(queue.nextRetryTime()).isEqualTo(t.notBefore());
                clock.advance(wait);
            }
        }
        assertThat(waits.subList(0, 3)).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(60));
        assertThat(waits).hasSize(32).last().isEqualTo(Duration.ofSeconds(60));
        BackgroundTask errored = queue.task(DB, failing);
        assertThat(errored.status()).isEqualTo(TaskStatus.ERROR);
        assertThat(errored.retryCount()).isEqualTo(33);
        assertThat(errored.notBefore()).isNull();
        assertThat(status(tasks.get(1).taskId())).isEqualTo(TaskStatus.UNSCHEDULED);
        assertThat(status(tasks.get(2).taskId())).isEqualTo(TaskStatus.UNSCHEDULED);
        assertThat(state(job)).isEqualTo(JobStatus.FAILED);
        assertThat(queue.job(DB, job).finishedAt()).isNotNull();
    }

    @Test
    void aJobWithAnErrorIsFailingWhileOtherTasksRun() {
        JobQueue quick = new JobQueue(clock, new RetryPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO, 0), sink);
        long job = quick.schedule(DB, OWNER, "test", "d", List.of(TaskSpec.of("bad"), TaskSpec.of("slow")));
        List<BackgroundTask> claimed = quick.claim(2, 2);
        assertThat(claimed).hasSize(2);
        quick.finished(claimed.get(0).taskId(), new JobQueue.Failure("ERROR: boom", false));
        assertThat(quick.job(DB, job).state()).isEqualTo(JobStatus.FAILING);
        quick.finished(claimed.get(1).taskId(), new JobQueue.Success());
        assertThat(quick.job(DB, job).state()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void cancellingAScheduledJobCancelsItsTasksWithoutStartingIt() {
        long job = schedule(TaskSpec.of("SELECT pg_sleep(5)"));
        assertThat(queue.cancel(DB, job)).isEmpty();
        assertThat(state(job)).isEqualTo(JobStatus.CANCELLED);
        assertThat(queue.job(DB, job).startedAt()).isNull();
        assertThat(queue.job(DB, job).finishedAt()).isNotNull();
        assertThat(claimIds(1, 1)).isEmpty();
        assertThat(queue.cancel(DB + 1, job)).isNull();
    }

    @Test
    void cancellingARunningJobWaitsForItsTaskToStop() {
        long job = schedule(TaskSpec.of("SELECT pg_sleep(5)"), new TaskSpec("SELECT 1", List.of(), List.of(0)));
        long running = claimIds(1, 1).getFirst();
        queue.started(running, 77);
        assertThat(queue.cancel(DB, job)).containsExactly(77);
        assertThat(status(running)).isEqualTo(TaskStatus.CANCELLING);
        assertThat(state(job)).isEqualTo(JobStatus.CANCELLING);
        queue.finished(running, new JobQueue.Failure("ERROR: canceling statement due to user request", true));
        assertThat(status(running)).isEqualTo(TaskStatus.CANCELLED);
        assertThat(queue.task(DB, running).message()).isEqualTo("ERROR: canceling statement due to user request");
        assertThat(queue.tasks(DB, job)).extracting(BackgroundTask::status)
                .containsExactly(TaskStatus.CANCELLED, TaskStatus.CANCELLED);
        assertThat(state(job)).isEqualTo(JobStatus.CANCELLED);
        assertThat(queue.job(DB, job).startedAt()).isNotNull();
    }

    @Test
    void aTaskCancelledBeforeItsSessionStartedIsNotRun() {
        long job = schedule(TaskSpec.of("SELECT 1"));
        long claimed = claimIds(1, 1).getFirst();
        queue.cancel(DB, job);
        assertThat(queue.started(claimed, 5)).isFalse();
        queue.finished(claimed, new JobQueue.Failure("", true));
        assertThat(state(job)).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void aRestartMakesRunningTasksRunnableAgain() {
        long job = schedule(TaskSpec.of("SELECT 1"), TaskSpec.of("SELECT 2"), new TaskSpec("x", List.of(), List.of(0)));
        List<BackgroundTask> claimed = queue.claim(2, 2);
        queue.started(claimed.get(0).taskId(), 9);
        queue.finished(claimed.get(1).taskId(), new JobQueue.Success());

        JobQueue restarted = new JobQueue(clock, RetryPolicy.CITUS, sink);
        restarted.load(List.copyOf(sink.jobs.values()), List.copyOf(sink.tasks.values()));
        BackgroundTask reset = restarted.task(DB, claimed.get(0).taskId());
        assertThat(reset.status()).isEqualTo(TaskStatus.RUNNABLE);
        assertThat(reset.pid()).isNull();
        assertThat(restarted.job(DB, job).state()).isEqualTo(JobStatus.RUNNING);
        long next = restarted.schedule(DB, OWNER, "t", "d", List.of(TaskSpec.of("y")));
        assertThat(next).isGreaterThan(job);
        assertThat(restarted.tasks(DB, next).getFirst().taskId()).isGreaterThan(claimed.get(1).taskId() + 1);
        assertThat(restarted.claim(1, 1)).extracting(BackgroundTask::taskId).containsExactly(reset.taskId());
    }

    @Test
    void recordsRoundTrip() {
        BackgroundTask task = new BackgroundTask(DB, 3, 4, OWNER, 99, TaskStatus.RUNNABLE, "SELECT 'é'", 2,
                Instant.parse("2026-01-01T00:00:01.123456Z"), "ERROR: x\nDETAIL: y", List.of(1, 2), List.of(7L));
        assertThat(JobRecords.decodeTask(JobRecords.encode(task))).isEqualTo(task);
        BackgroundJob job = new BackgroundJob(DB, 3, JobStatus.FAILING, "rebalance", "Rebalance all colocation groups",
                Instant.parse("2026-01-01T00:00:01Z"), null);
        assertThat(JobRecords.decodeJob(JobRecords.encode(job))).isEqualTo(job);
    }

    @Test
    void detailsCountStatesAndListRunningErroredAndRetriedTasks() {
        List<BackgroundTask> tasks = List.of(
                new BackgroundTask(DB, 1, 1, OWNER, null, TaskStatus.DONE, "a", null, null, "", List.of(), List.of()),
                new BackgroundTask(DB, 1, 2, OWNER, 5, TaskStatus.RUNNING, "b", null, null, "", List.of(), List.of()),
                new BackgroundTask(DB, 1, 3, OWNER, null, TaskStatus.RUNNABLE, "c", 1, null, "ERROR: \"x\"",
                        List.of(), List.of()),
                new BackgroundTask(DB, 1, 4, OWNER, null, TaskStatus.BLOCKED, "d", null, null, "", List.of(),
                        List.of(3L)));
        assertThat(JobFunctions.details(tasks).toString()).isEqualTo("{\"tasks\": [{\"state\": \"running\", "
                + "\"command\": \"b\", \"message\": \"\", \"retried\": 0, \"task_id\": 2}, {\"state\": \"runnable\", "
                + "\"command\": \"c\", \"message\": \"ERROR: \\\"x\\\"\", \"retried\": 1, \"task_id\": 3}], "
                + "\"task_state_counts\": {\"done\": 1, \"blocked\": 1, \"running\": 1, \"runnable\": 1}}");
    }
}
