package io.shale.engine;

import io.shale.engine.citus.MoveProgress;
import io.shale.engine.jobs.TaskSpec;
import io.shale.engine.session.Notice;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebalancer's execution functions on one engine (the coordinator): their messages and argument checks, the one
 * rebalance job at a time, citus_rebalance_status / stop, and a running task's move details from {@link MoveProgress}.
 */
@Timeout(60)
class RebalanceRunSqlTest {
    private final MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults());
    private final Engine engine = new Engine(new EngineConfig(Map.of("citus.background_task_queue_interval", "50")),
            store);

    @AfterEach
    void close() {
        engine.close();
        store.close();
    }

    private static Notice lastNotice(SqlSession sql) {
        return sql.notices.getLast();
    }

    @Test
    void nothingToDo() {
        try (SqlSession sql = new SqlSession(engine)) {
            assertThat(sql.outcome("SELECT citus_rebalance_start()")).isEqualTo("[null] SELECT 1");
            assertThat(lastNotice(sql)).isEqualTo(new Notice("NOTICE", "00000", "No tables to rebalance", null, null));
            sql.execute("SELECT citus_rebalance_wait()");
            assertThat(lastNotice(sql)).isEqualTo(new Notice("WARNING", "01000",
                    "no ongoing rebalance that can be waited on", null, null));
            assertThat(sql.error("SELECT citus_rebalance_stop()"))
                    .isEqualTo("XX000: no ongoing rebalance that can be stopped");
            assertThat(sql.outcome("SELECT * FROM citus_rebalance_status()")).isEqualTo("[] SELECT 0");
            assertThat(sql.outcome("SELECT * FROM get_rebalance_progress()")).isEqualTo("[] SELECT 0");
            int before = sql.notices.size();
            assertThat(sql.execute("SELECT rebalance_table_shards()")).isEqualTo("SELECT 1");
            assertThat(sql.notices).hasSize(before);
        }
    }

    @Test
    void argumentChecks() {
        try (SqlSession sql = new SqlSession(engine)) {
            assertThat(sql.error("SELECT rebalance_table_shards(shard_transfer_mode => 'quick')"))
                    .isEqualTo("22P02: invalid input value for enum citus.shard_transfer_mode: \"quick\"");
            assertThat(sql.error("SELECT citus_rebalance_start(shard_transfer_mode => 'quick')"))
                    .isEqualTo("22P02: invalid input value for enum citus.shard_transfer_mode: \"quick\"");
            assertThat(sql.error("SELECT citus_rebalance_start(rebalance_strategy => 'nope')")).isEqualTo(
                    "XX000: could not find rebalance strategy with name nope");
            assertThat(sql.error("SELECT citus_rebalance_start(speed => 1)")).startsWith(
                    "42883: function citus_rebalance_start with the given named arguments does not exist");
            assertThat(sql.query("SELECT * FROM get_rebalance_progress()")).isEmpty();
            assertThat(sql.error("SELECT rebalance_table_shards(max_shard_moves => NULL)"))
                    .isEqualTo("22004: max_shard_moves cannot be NULL");
            assertThat(sql.error("SELECT rebalance_table_shards(NULL, NULL, 10, '{}', NULL)"))
                    .isEqualTo("22004: shard_transfer_mode cannot be NULL");
            assertThat(sql.error("SELECT citus_rebalance_start(drain_only => NULL)"))
                    .isEqualTo("22004: drain_only cannot be NULL");
            assertThat(sql.error("SELECT citus_drain_node(NULL, 5432)")).isEqualTo("22004: nodename cannot be NULL");
            assertThat(sql.error("SELECT citus_drain_node('nowhere', 1)"))
                    .isEqualTo("XX000: node at \"nowhere:1\" does not exist");
            assertThat(sql.error("SELECT citus_drain_node('nowhere', 1, shard_transfer_mode => 'slow')"))
                    .isEqualTo("22P02: invalid input value for enum citus.shard_transfer_mode: \"slow\"");
        }
    }

    @Test
    void oneRebalanceAtATimeAndStop() {
        engine.startBackgroundJobs();
        try (SqlSession sql = new SqlSession(engine)) {
            sql.execute("CREATE TABLE items (id bigint PRIMARY KEY)");
            sql.execute("SELECT create_distributed_table('items', 'id')");
            int database = Integer.parseInt(sql.value("SELECT oid FROM pg_database WHERE datname = 'postgres'"));
            int owner = Integer.parseInt(sql.value("SELECT oid FROM pg_roles WHERE rolname = 'postgres'"));
            long job = engine.backgroundJobs().schedule(database, owner, "rebalance", "Rebalance all colocation groups",
                    List.of(TaskSpec.of("SELECT pg_sleep(30)"), new TaskSpec("SELECT 1", List.of(), List.of(0))));
            String pid = awaitRunningPid(sql);
            assertThat(sql.error("SELECT citus_rebalance_start()"))
                    .isEqualTo("XX000: A rebalance is already running as job " + job);
            MoveProgress.Entry entry = engine.moveProgress().register(new MoveProgress.Status(Integer.parseInt(pid),
                    database, 0, 102008, 3 << 20, "w1", 5432, "w2", 5433, 3 << 20, 1 << 20, "move", 0x5A0E3B8L,
                    0x59F0000L, MoveProgress.Phase.COPYING_DATA));
            try {
                assertThat(sql.value("SELECT (details->'tasks'->0) - 'task_id' FROM citus_rebalance_status()"))
                        .isEqualTo("{\"LSN\": {\"lag\": \"121 kB\", \"source\": \"0/5A0E3B8\", \"target\": "
                                + "\"0/59F0000\"}, \"size\": {\"source\": \"3072 kB\", \"target\": \"1024 kB\"}, "
                                + "\"hosts\": {\"source\": \"w1:5432\", \"target\": \"w2:5433\"}, \"phase\": "
                                + "\"Copying Data\", \"state\": \"running\", \"command\": \"SELECT pg_sleep(30)\", "
                                + "\"message\": \"\", \"retried\": 0}");
                assertThat(sql.value("SELECT details->'tasks'->0->'size' FROM citus_rebalance_status(raw => true)"))
                        .isEqualTo("{\"source\": 3145728, \"target\": 1048576}");
                assertThat(sql.outcome("SELECT sessionid, shardid, shard_size, sourcename, sourceport, targetname, "
                        + "targetport, progress, source_shard_size, target_shard_size, operation_type, source_lsn, "
                        + "target_lsn, status FROM get_rebalance_progress()")).isEqualTo("[" + pid + "|102008|3145728"
                        + "|w1|5432|w2|5433|1|3145728|1048576|move|0/5A0E3B8|0/59F0000|Copying Data] SELECT 1");
            } finally {
                entry.close();
            }
            sql.execute("SELECT citus_rebalance_stop()");
            sql.execute("SELECT citus_job_wait(" + job + ")");
            assertThat(sql.outcome("SELECT job_id, state, job_type, details FROM citus_rebalance_status()"))
                    .isEqualTo("[" + job + "|cancelled|rebalance|{\"tasks\": [], \"task_state_counts\": "
                            + "{\"cancelled\": 2}}] SELECT 1");
            assertThat(sql.error("SELECT citus_rebalance_stop()"))
                    .isEqualTo("XX000: no ongoing rebalance that can be stopped");
        }
    }

    private static String awaitRunningPid(SqlSession sql) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String query = "SELECT coalesce(max(pid), 0) FROM pg_dist_background_task WHERE status = 'running'";
        while (System.nanoTime() < deadline) {
            String pid = sql.value(query);
            if (!pid.equals("0")) {
                return pid;
            }
            LockSupport.parkNanos(5_000_000);
        }
        throw new AssertionError("no task started running");
    }
}
