package io.shale.engine;

import io.shale.engine.jobs.TaskSpec;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Background jobs run by an engine's runner, seen through SQL: dependencies, waits, cancel, retries, restart. */
@Timeout(60)
class BackgroundJobsSqlTest {
    private static final Map<String, String> SETTINGS = Map.of("citus.background_task_queue_interval", "50",
            "shale.background_task_retry_delays", "5,5,5");
    private final MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults());
    private final List<Engine> engines = new ArrayList<>();

    private Engine engine() {
        Engine engine = new Engine(new EngineConfig(SETTINGS), store);
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void close() {
        for (Engine e : engines) {
            e.close();
        }
        store.close();
    }

    private static long schedule(Engine engine, SqlSession sql, List<TaskSpec> tasks) {
        int database = Integer.parseInt(sql.value("SELECT oid FROM pg_database WHERE datname = 'postgres'"));
        int owner = Integer.parseInt(sql.value("SELECT oid FROM pg_roles WHERE rolname = 'postgres'"));
        return engine.backgroundJobs().schedule(database, owner, "test_job", "a test job", tasks);
    }

    @Test
    void dependentTasksRunInOrder() {
        Engine engine = engine();
        engine.startBackgroundJobs();
        try (SqlSession sql = new SqlSession(engine)) {
            sql.execute("CREATE TABLE results (a int)");
            long job = schedule(engine, sql, List.of(TaskSpec.of("INSERT INTO results VALUES (5)"),
                    new TaskSpec("UPDATE results SET a = a * 7", List.of(), List.of(0)),
                    new TaskSpec("UPDATE results SET a = a + 13", List.of(), List.of(1))));
            assertThat(sql.outcome("SELECT citus_job_wait(" + job + ")")).isEqualTo("[null] SELECT 1");
            assertThat(sql.value("SELECT a FROM results")).isEqualTo("48");
            assertThat(sql.outcome("SELECT job_id, state, job_type, description, started_at IS NOT NULL, "
                    + "finished_at >= started_at FROM citus_job_list()"))
                    .isEqualTo("[" + job + "|finished|test_job|a test job|t|t] SELECT 1");
            assertThat(sql.outcome("SELECT state, details FROM citus_job_status(" + job + ")"))
                    .isEqualTo("[finished|{\"tasks\": [], \"task_state_counts\": {\"done\": 3}}] SELECT 1");
            assertThat(sql.outcome("SELECT status, pid, retry_count, message, owner, nodes_involved "
                    + "FROM pg_dist_background_task WHERE job_id = " + job + " ORDER BY task_id"))
                    .isEqualTo("[done|null|null||postgres|null; done|null|null||postgres|null; "
                            + "done|null|null||postgres|null] SELECT 3");
            assertThat(sql.value("SELECT count(*) FROM pg_dist_background_task_depend WHERE job_id = " + job))
                    .isEqualTo("2");
            assertThat(sql.value("SELECT pg_typeof(state)::text FROM pg_dist_background_job")).isEqualTo(
                    "citus_job_status");
            assertThat(sql.error("SELECT citus_job_wait(424242)"))
                    .isEqualTo("XX000: no job found for job with jobid: 424242");
            assertThat(sql.error("SELECT citus_task_wait(424242)"))
                    .isEqualTo("XX000: no task found with taskid: 424242");
        }
    }

    @Test
    void cancellingARunningJobCancelsItsSession() {
        Engine engine = engine();
        engine.startBackgroundJobs();
        try (SqlSession sql = new SqlSession(engine)) {
            long job = schedule(engine, sql, List.of(TaskSpec.of("SELECT pg_sleep(30)"),
                    new TaskSpec("SELECT 1", List.of(), List.of(0))));
            sql.execute("SELECT citus_job_wait(" + job + ", desired_status => 'running')");
            // The task is 'running' once claimed; its pid follows when its session has opened.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!"t".equals(sql.value("SELECT pid IS NOT NULL FROM pg_dist_background_task WHERE status = 'running'"))
                    && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            assertThat(sql.value("SELECT pid IS NOT NULL FROM pg_dist_background_task WHERE status = 'running'"))
                    .isEqualTo("t");
            sql.execute("CREATE ROLE plain LOGIN");
            try (SqlSession other = new SqlSession(engine, "plain", "postgres")) {
                assertThat(other.error("SELECT citus_job_cancel(" + job + ")"))
                        .isEqualTo("42501: must be a superuser to cancel superuser tasks");
            }
            sql.execute("SELECT citus_job_cancel(" + job + ")");
            sql.execute("SELECT citus_job_wait(" + job + ")");
            assertThat(sql.outcome("SELECT state, started_at IS NOT NULL FROM pg_dist_background_job"))
                    .isEqualTo("[cancelled|t] SELECT 1");
            assertThat(sql.outcome("SELECT status, message <> '' FROM pg_dist_background_task ORDER BY task_id"))
                    .isEqualTo("[cancelled|t; cancelled|f] SELECT 2");
            assertThat(sql.error("SELECT citus_job_wait(" + job + ", desired_status => 'finished')"))
                    .isEqualTo("XX000: Job reached terminal state \"cancelled\" instead of desired state \"finished\"");
            sql.execute("SELECT citus_job_cancel(" + job + ")");
        }
    }

    @Test
    void aFailingTaskIsRetriedThenErrs() {
        Engine engine = engine();
        engine.startBackgroundJobs();
        try (SqlSession sql = new SqlSession(engine)) {
            long job = schedule(engine, sql, List.of(TaskSpec.of("SELECT 1/0"),
                    new TaskSpec("SELECT 1", List.of(), List.of(0))));
            sql.execute("SELECT citus_job_wait(" + job + ")");
            assertThat(sql.outcome("SELECT state, finished_at IS NOT NULL FROM pg_dist_background_job"))
                    .isEqualTo("[failed|t] SELECT 1");
            assertThat(sql.outcome("SELECT status, retry_count, message, not_before FROM pg_dist_background_task "
                    + "ORDER BY task_id")).isEqualTo("[error|33|ERROR: division by zero|null; unscheduled|null||null] "
                    + "SELECT 2");
            String firstTask = sql.value("SELECT min(task_id) FROM pg_dist_background_task");
            assertThat(sql.error("SELECT citus_task_wait(" + firstTask + ", 'done')"))
                    .isEqualTo("XX000: Task reached terminal state \"error\" instead of desired state \"done\"");
            assertThat(sql.value("SELECT details FROM citus_job_status(" + job + ")")).isEqualTo(
                    "{\"tasks\": [{\"state\": \"error\", \"command\": \"SELECT 1/0\", \"message\": \"ERROR: division "
                            + "by zero\", \"retried\": 33, \"task_id\": " + firstTask + "}], \"task_state_counts\": "
                            + "{\"error\": 1, \"unscheduled\": 1}}");
        }
    }

    @Test
    void jobsSurviveARestartAndInterruptedTasksRunAgain() {
        Engine first = engine();
        first.startBackgroundJobs();
        long sleeping;
        long waiting;
        try (SqlSession sql = new SqlSession(first)) {
            sql.execute("CREATE TABLE results (a int)");
            sleeping = schedule(first, sql, List.of(TaskSpec.of("SELECT pg_sleep(30)")));
            sql.execute("SELECT citus_job_wait(" + sleeping + ", desired_status => 'running')");
            waiting = schedule(first, sql, List.of(TaskSpec.of("INSERT INTO results VALUES (1)")));
            assertThat(sql.value("SELECT state FROM citus_job_status(" + waiting + ")")).isEqualTo("scheduled");
            int database = Integer.parseInt(sql.value("SELECT oid FROM pg_database WHERE datname = 'postgres'"));
            assertThat(first.backgroundJobs().unfinishedJob(database, "test_job").jobId()).isEqualTo(waiting);
            assertThat(first.backgroundJobs().unfinishedJob(database, "rebalance")).isNull();
        }
        first.close();
        engines.remove(first);

        Engine second = engine();
        try (SqlSession sql = new SqlSession(second)) {
            assertThat(sql.outcome("SELECT job_id, state, started_at IS NOT NULL FROM pg_dist_background_job "
                    + "ORDER BY job_id")).isEqualTo("[" + sleeping + "|scheduled|t; " + waiting + "|scheduled|f] SELECT 2");
            assertThat(sql.outcome("SELECT status, pid FROM pg_dist_background_task ORDER BY task_id"))
                    .isEqualTo("[runnable|null; runnable|null] SELECT 2");
            second.startBackgroundJobs();
            sql.execute("SELECT citus_task_wait(" + sql.value("SELECT min(task_id) FROM pg_dist_background_task")
                    + ", desired_status => 'running')");
            sql.execute("SELECT citus_job_cancel(" + sleeping + ")");
            sql.execute("SELECT citus_job_wait(" + waiting + ", desired_status => 'finished')");
            assertThat(sql.value("SELECT count(*) FROM results")).isEqualTo("1");
            assertThat(sql.value("SELECT state FROM citus_job_status(" + sleeping + ")")).isEqualTo("cancelled");
        }
    }
}
