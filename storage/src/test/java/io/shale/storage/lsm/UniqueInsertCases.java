package io.shale.storage.lsm;

import io.shale.storage.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.lsm.StoreTestSupport.awaitWaiting;
import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.commitPuts;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.repeatableRead;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
abstract class UniqueInsertCases extends ConcurrentStoreTest {
    UniqueInsertCases(StoreKind kind) {
        super(kind);
    }

    @Test
    void insertRefusesLiveKeysCommittedOrOwn() {
        commitPuts(store, "a", "1");
        Transaction transaction = store.begin(readCommitted());
        assertThat(transaction.insert(bytes("a"), bytes("2"))).isFalse();
        assertThat(transaction.insert(bytes("b"), bytes("2"))).isTrue();
        assertThat(transaction.insert(bytes("b"), bytes("3"))).isFalse();
        transaction.delete(bytes("a"));
        assertThat(transaction.insert(bytes("a"), bytes("4"))).isTrue();
        transaction.commit();
        Transaction reader = store.begin(readCommitted());
        assertThat(text(reader.get(bytes("a")))).isEqualTo("4");
        assertThat(text(reader.get(bytes("b")))).isEqualTo("2");
    }

    @Test
    void insertOfADeletedKeySucceeds() {
        commitPuts(store, "a", "1");
        Transaction deleter = store.begin(readCommitted());
        deleter.delete(bytes("a"));
        deleter.commit();
        Transaction inserter = store.begin(repeatableRead());
        assertThat(inserter.insert(bytes("a"), bytes("2"))).isTrue();
        inserter.commit();
    }

    @Test
    void aRacingInserterWaitsAndLosesWhenTheFirstCommits() throws Exception {
        Transaction first = store.begin(readCommitted());
        assertThat(first.insert(bytes("k"), bytes("first"))).isTrue();
        Transaction second = store.begin(readCommitted());
        CompletableFuture<Boolean> insert = CompletableFuture.supplyAsync(
                () -> second.insert(bytes("k"), bytes("second")), executor);
        awaitWaiting(store, second);
        first.commit();
        assertThat(insert.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(store.statistics().lockWaits()).isEmpty();
        second.commit();
        assertThat(text(store.begin(readCommitted()).get(bytes("k")))).isEqualTo("first");
    }

    @Test
    void aRacingInserterProceedsWhenTheFirstRollsBack() throws Exception {
        Transaction first = store.begin(readCommitted());
        first.insert(bytes("k"), bytes("first"));
        Transaction second = store.begin(readCommitted());
        CompletableFuture<Boolean> insert = CompletableFuture.supplyAsync(
                () -> second.insert(bytes("k"), bytes("second")), executor);
        awaitWaiting(store, second);
        first.rollback();
        assertThat(insert.get(5, TimeUnit.SECONDS)).isTrue();
        second.commit();
        assertThat(text(store.begin(readCommitted()).get(bytes("k")))).isEqualTo("second");
    }

    @Test
    void repeatableReadStillSeesAKeyInsertedAfterItsSnapshot() {
        Transaction reader = store.begin(repeatableRead());
        commitPuts(store, "k", "other");
        assertThat(reader.get(bytes("k"))).isNull();
        assertThat(reader.insert(bytes("k"), bytes("mine"))).isFalse();
        reader.rollback();
    }

    @Test
    void exactlyOneOfManyConcurrentInsertersWins() throws Exception {
        int threads = 6;
        for (int round = 0; round < 20; round++) {
            byte[] key = bytes("key" + round);
            CyclicBarrier start = new CyclicBarrier(threads);
            List<CompletableFuture<Boolean>> inserts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                inserts.add(CompletableFuture.supplyAsync(() -> {
                    Transaction transaction = store.begin(readCommitted());
                    try {
                        start.await(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    boolean inserted = transaction.insert(key, bytes("v"));
                    transaction.commit();
                    return inserted;
                }, executor));
            }
            int winners = 0;
            for (CompletableFuture<Boolean> insert : inserts) {
                winners += insert.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
        assertThat(store.statistics().keyCount()).isEqualTo(20);
    }
}
