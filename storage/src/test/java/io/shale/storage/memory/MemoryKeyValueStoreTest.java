package io.shale.storage.memory;

import io.shale.storage.ChangeCursor;
import io.shale.storage.StoreSnapshot;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory store offers prepared transactions and store snapshots too (without durability). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MemoryKeyValueStoreTest {

    @Test
    void preparedTransactionsAndSnapshotsWork() {
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            StoreSnapshot snapshot = store.openSnapshot();
            Transaction transaction = store.begin(TransactionOptions.defaults());
            transaction.put(bytes("k"), bytes("v"));
            transaction.prepare("g", "alice", "db");
            assertThat(store.preparedTransactions()).extracting(p -> p.gid()).containsExactly("g");
            assertThat(store.begin(TransactionOptions.defaults()).get(bytes("k"))).isNull();
            store.commitPrepared("g");
            assertThat(store.begin(TransactionOptions.defaults()).get(bytes("k"))).isEqualTo(bytes("v"));
            try (ChangeCursor changes = snapshot.changes(null, null, snapshot.timestamp(), store.stableTimestamp())) {
                assertThat(changes.next()).isTrue();
                assertThat(changes.key()).isEqualTo(bytes("k"));
                assertThat(changes.next()).isFalse();
            }
            try (var cursor = snapshot.scan(null, null)) {
                assertThat(cursor.next()).isFalse();
            }
            snapshot.close();
            assertThat(store.approximateSize(null, null)).isEqualTo(2);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
