package io.shale.storage.lsm;

import io.shale.storage.KeyCursor;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.WaitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.lsm.StoreTestSupport.awaitWaiting;
import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.commitPuts;
import static io.shale.storage.lsm.StoreTestSupport.entries;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.repeatableRead;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
abstract class MaintenanceCases {
    private final StoreKind kind;
    private final LsmKeyValueStore store;

    MaintenanceCases(StoreKind kind) {
        this.kind = kind;
        this.store = kind.open(1, 0);
    }

    @org.junit.jupiter.api.AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void destroyRangeRemovesEveryVersionAtOnce() {
        commitPuts(store, "a1", "x", "b1", "xx", "b2", "xxx", "c1", "x");
        assertThat(store.approximateSize(bytes("b"), bytes("c"))).isEqualTo(2 + 2 + 2 + 3);
        assertThat(store.statistics().keyCount()).isEqualTo(4);
        store.destroyRange(bytes("b"), bytes("c"));
        assertThat(store.approximateSize(bytes("b"), bytes("c"))).isZero();
        assertThat(store.statistics().keyCount()).isEqualTo(2);
        assertThat(entries(store.begin(readCommitted()), null, null, false)).containsExactly("a1=x", "c1=x");
    }

    @Test
    void vacuumKeepsWhatRunningSnapshotsSee() {
        commitPuts(store, "k", "1", "gone", "1");
        Transaction old = store.begin(repeatableRead());
        commitPuts(store, "k", "2");
        Transaction deleter = store.begin(readCommitted());
        deleter.delete(bytes("gone"));
        deleter.commit();
        assertThat(store.pruneNow()).isZero();
        assertThat(text(old.get(bytes("k")))).isEqualTo("1");
        assertThat(text(old.get(bytes("gone")))).isEqualTo("1");
        old.commit();
        assertThat(store.pruneNow()).isEqualTo(1);
        assertThat(entries(store.begin(readCommitted()), null, null, false)).containsExactly("k=2");
        assertThat(store.statistics().keyCount()).isEqualTo(1);
    }

    @Test
    void commitsPruneDeletedKeysThatNobodyWritesAgain() {
        LsmKeyValueStore pruning = kind.open(1, 2);
        commitPuts(pruning, "d1", "x", "d2", "x", "d3", "x", "d4", "x");
        Transaction deleter = pruning.begin(readCommitted());
        for (String key : new String[] {"d1", "d2", "d3", "d4"}) {
            deleter.delete(bytes(key));
        }
        deleter.commit();
        for (int i = 0; i < 8; i++) {
            commitPuts(pruning, "live", Integer.toString(i));
        }
        assertThat(pruning.chainCount()).isEqualTo(1);
        assertThat(entries(pruning.begin(readCommitted()), null, null, false)).containsExactly("live=7");
        pruning.close();
    }

    @Test
    void anOpenCursorKeepsItsVersionsAcrossNewSnapshots() {
        commitPuts(store, "a", "1", "b", "1");
        Transaction reader = store.begin(readCommitted());
        try (KeyCursor cursor = reader.scan(null, null, false)) {
            assertThat(cursor.next()).isTrue();
            for (int i = 2; i < 5; i++) {
                commitPuts(store, "a", Integer.toString(i), "b", Integer.toString(i));
            }
            reader.newSnapshot();
            assertThat(text(reader.get(bytes("b")))).isEqualTo("4");
            store.pruneNow();
            assertThat(cursor.next()).isTrue();
            assertThat(text(cursor.key()) + "=" + text(cursor.value())).isEqualTo("b=1");
        }
        reader.newSnapshot();
        store.pruneNow();
        assertThat(entries(reader, null, null, false)).containsExactly("a=4", "b=4");
        reader.commit();
    }

    @Test
    void statisticsShowRunningTransactionsAndWaits() throws Exception {
        commitPuts(store, "k", "1");
        Transaction holder = store.begin(readCommitted());
        Transaction waiter = store.begin(readCommitted());
        holder.lock(bytes("k"), LockStrength.FOR_UPDATE, WaitPolicy.WAIT);
        CompletableFuture<byte[]> lock = CompletableFuture.supplyAsync(
                () -> waiter.lock(bytes("k"), LockStrength.FOR_UPDATE, WaitPolicy.WAIT));
        awaitWaiting(store, waiter);
        var statistics = store.statistics();
        assertThat(statistics.runningTransactions()).containsExactly(holder.id(), waiter.id());
        assertThat(statistics.lockWaits()).containsExactly(new io.shale.storage.LockWait(waiter.id(), holder.id()));
        holder.commit();
        assertThat(text(lock.get(5, TimeUnit.SECONDS))).isEqualTo("1");
        waiter.commit();
        assertThat(store.statistics().runningTransactions()).isEmpty();
    }
}
