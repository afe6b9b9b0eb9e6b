package io.shale.server;

import io.shale.engine.jobs.BackgroundJobs;
import io.shale.engine.jobs.TaskSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Background jobs on a coordinator and a worker through pgjdbc: tasks are plain SQL (on local and distributed
 * tables), run on the coordinator in order of their dependencies; waits, cancel, retries and a coordinator restart.
 */
@Timeout(120)
class BackgroundJobsClusterTest {
    private static LocalCluster cluster;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("shale-jobs");
        cluster = LocalCluster.builder().nodes(2).dataDirectory(data).setting("fsync", "off")
                .settings(Map.of("citus.background_task_queue_interval", "100",
                        "shale.background_task_retry_delays", "5,5,5")).start();
        execute(cluster.jdbcUrl(0), "create table results (a int)");
        execute(cluster.jdbcUrl(0), "create table dist (a int, b int)");
        execute(cluster.jdbcUrl(0), "select create_distributed_table('dist', 'a', shard_count := 4)");
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static long schedule(List<TaskSpec> tasks) throws SQLException {
        int database = Integer.parseInt(rows(cluster.jdbcUrl(0),
                "select oid from pg_database where datname = current_database()").getFirst());
        int owner = Integer.parseInt(rows(cluster.jdbcUrl(0),
                "select oid from pg_roles where rolname = current_user").getFirst());
        BackgroundJobs jobs = cluster.node(0).engine().backgroundJobs();
        return jobs.schedule(database, owner, "test_job", "a cluster test", tasks);
    }

    @Test
    void tasksRunInDependencyOrderOnTheCoordinator() throws SQLException {
        long job = schedule(List.of(TaskSpec.of("insert into dist select g, g from generate_series(1, 10) g"),
                new TaskSpec("update dist set b = b * 2", List.of(1, 2), List.of(0)),
                new TaskSpec("insert into results values (1)", List.of(2), List.of(1))));
        assertThat(rows(cluster.jdbcUrl(0), "select citus_job_wait(" + job + ")")).containsExactly("null");
        assertThat(rows(cluster.jdbcUrl(0), "select status, message from pg_dist_background_task where job_id = "
                + job + " order by task_id")).containsExactly("done|", "done|", "done|");
        assertThat(rows(cluster.jdbcUrl(0), "select sum(b) from dist")).containsExactly("110");
        assertThat(rows(cluster.jdbcUrl(0), "select a from results")).containsExactly("1");
        assertThat(rows(cluster.jdbcUrl(0), "select state, details from citus_job_status(" + job + ")"))
                .containsExactly("finished|{\"tasks\": [], \"task_state_counts\": {\"done\": 3}}");
        assertThat(rows(cluster.jdbcUrl(0), "select task_id, nodes_involved from pg_dist_background_task "
                + "where job_id = " + job + " order by task_id")).extracting(r -> r.substring(r.indexOf('|') + 1))
                .containsExactly("null", "{1,2}", "{2}");
        assertThatThrownBy(() -> rows(cluster.jdbcUrl(1), "select citus_job_wait(" + job + ")"))
                .hasMessageContaining("operation is not allowed on this node");
        assertThat(rows(cluster.jdbcUrl(1), "select count(*) from pg_dist_background_job")).containsExactly("0");
    }

    @Test
    void cancelStopsARunningTask() throws SQLException {
        long job = schedule(List.of(TaskSpec.of("select pg_sleep(60)")));
        execute(cluster.jdbcUrl(0), "select citus_job_wait(" + job + ", desired_status => 'running')");
        execute(cluster.jdbcUrl(0), "select citus_job_cancel(" + job + ")");
        execute(cluster.jdbcUrl(0), "select citus_job_wait(" + job + ")");
        assertThat(rows(cluster.jdbcUrl(0), "select j.state, t.status, t.message from pg_dist_background_job j "
                + "join pg_dist_background_task t using (job_id) where job_id = " + job))
                .containsExactly("cancelled|cancelled|ERROR: canceling statement due to user request");
    }

    @Test
    void aFailingTaskIsRetriedUntilItErrs() throws SQLException {
        long job = schedule(List.of(TaskSpec.of("insert into missing_table values (1)")));
        assertThatThrownBy(() -> rows(cluster.jdbcUrl(0), "select citus_job_wait(" + job
                + ", desired_status => 'finished')"))
                .hasMessageContaining("Job reached terminal state \"failed\" instead of desired state \"finished\"");
        assertThat(rows(cluster.jdbcUrl(0), "select status, retry_count, message from pg_dist_background_task "
                + "where job_id = " + job)).containsExactly(
                "error|33|ERROR: relation \"missing_table\" does not exist");
    }

    @Test
    void aJobGoesOnAfterTheCoordinatorRestarts() throws SQLException {
        execute(cluster.jdbcUrl(0), "create table after_restart (a int)");
        long job = schedule(List.of(TaskSpec.of("select pg_sleep(1)"),
                new TaskSpec("insert into after_restart values (7)", List.of(), List.of(0))));
        execute(cluster.jdbcUrl(0), "select citus_job_wait(" + job + ", desired_status => 'running')");
        cluster.restart(0);
        execute(cluster.jdbcUrl(0), "select citus_job_wait(" + job + ", desired_status => 'finished')");
        assertThat(rows(cluster.jdbcUrl(0), "select a from after_restart")).containsExactly("7");
        assertThat(rows(cluster.jdbcUrl(0), "select status, retry_count from pg_dist_background_task "
                + "where job_id = " + job + " order by task_id")).containsExactly("done|null", "done|null");
    }
}
