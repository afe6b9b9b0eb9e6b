package io.shale.engine;

import io.shale.storage.ForwardingKeyValueStore;
import io.shale.storage.KeyValueStore;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** synchronous_commit reaches the store's transaction options; VACUUM reaches the store. */
@Timeout(30)
class SynchronousCommitTest {

    /** A store that records the options of each transaction begun and counts VACUUMs. */
    private static final class RecordingStore extends ForwardingKeyValueStore {
        final List<TransactionOptions> begun = new ArrayList<>();
        int vacuums;

        RecordingStore() {
            super(new MemoryKeyValueStore(MemoryStoreConfig.defaults()));
        }

        @Override
        public Transaction begin(TransactionOptions options) {
            begun.add(options);
            return super.begin(options);
        }

        @Override
        public void vacuum() {
            vacuums++;
            super.vacuum();
        }
    }

    @Test
    void synchronousCommitOffReachesTheStoreTransaction() {
        RecordingStore store = new RecordingStore();
        try (Engine engine = new Engine(EngineConfig.defaults(), store); SqlSession sql = new SqlSession(engine)) {
            sql.execute("SELECT 1");
            assertThat(store.begun.getLast().synchronousCommit()).isTrue();
            sql.execute("SET synchronous_commit = off");
            sql.execute("SELECT 1");
            assertThat(store.begun.getLast().synchronousCommit()).isFalse();
            sql.execute("SET synchronous_commit = local");
            sql.execute("BEGIN");
            assertThat(store.begun.getLast().synchronousCommit()).isTrue();
            sql.execute("COMMIT");
            assertThat(sql.value("SHOW synchronous_commit")).isEqualTo("local");
        } finally {
            store.close();
        }
    }

    @Test
    void vacuumAsksTheStore() {
        RecordingStore store = new RecordingStore();
        try (Engine engine = new Engine(EngineConfig.defaults(), store); SqlSession sql = new SqlSession(engine)) {
            sql.execute("CREATE TABLE t (a int)");
            assertThat(sql.execute("VACUUM")).isEqualTo("VACUUM");
            assertThat(sql.execute("VACUUM FULL ANALYZE t")).isEqualTo("VACUUM");
            assertThat(sql.execute("VACUUM (VERBOSE, ANALYZE) t")).isEqualTo("VACUUM");
            assertThat(sql.execute("ANALYZE t")).isEqualTo("ANALYZE");
            assertThat(store.vacuums).isEqualTo(3);
            assertThat(sql.error("VACUUM nosuch")).isEqualTo("42P01: relation \"nosuch\" does not exist");
            sql.execute("BEGIN");
            assertThat(sql.error("VACUUM")).isEqualTo("25001: VACUUM cannot run inside a transaction block");
            sql.execute("ROLLBACK");
        } finally {
            store.close();
        }
    }
}
