package io.shale.engine;

import io.shale.common.types.SqlType;
import io.shale.engine.distributed.ClusterHooks;
import io.shale.engine.distributed.SessionContextView;
import io.shale.engine.distributed.Task;
import io.shale.engine.distributed.TaskResult;
import io.shale.engine.distributed.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** On a worker, statements over plain tables go whole to the coordinator; mixing them with distributed ones fails. */
@Timeout(60)
class WorkerRoutingTest {
    @Test
    void plainTablesRouteToTheCoordinator() {
        try (EngineFixture fixture = new EngineFixture(); SqlSession s = fixture.session()) {
            s.execute("CREATE TABLE plain (x int)");
            s.execute("CREATE TABLE events (tenant int, id int)");
            s.execute("SELECT create_distributed_table('events', 'tenant', shard_count => 2)");
            List<Task> sent = new ArrayList<>();
            fixture.engine.setCluster(new ClusterHooks() {
                @Override
                public int localGroupId() {
                    return 1;
                }

                @Override
                public boolean isCoordinator() {
                    return false;
                }

                @Override
                public TaskRunner taskRunner(SessionContextView session, TaskRunner local) {
                    return tasks -> {
                        sent.addAll(tasks);
                        List<TaskResult> results = new ArrayList<>();
                        for (Task t : tasks) {
                            results.add(new TaskResult(List.of(SqlType.INT4), List.<Object[]>of(new Object[] {7}), 1,
                                    "SELECT 1"));
                        }
                        return results;
                    };
                }
            });
            assertThat(s.value("SELECT x FROM plain WHERE x = 7")).isEqualTo("7");
            assertThat(sent).hasSize(1);
            assertThat(sent.getFirst().groupId()).isZero();
            assertThat(sent.getFirst().sql()).isEqualTo("SELECT x FROM plain WHERE (x = 7)");
            assertThat(s.error("SELECT * FROM events JOIN plain ON events.tenant = plain.x"))
                    .isEqualTo("0A000: direct joins between distributed and local tables are not supported");
            assertThat(s.value("SELECT count(*) FROM pg_class WHERE relname = 'plain'")).isEqualTo("1");
        }
    }
}
