package io.shale.storage.lsm;

import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.WaitPolicy;
import org.junit.jupiter.api.AfterEach;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fresh store of the given kind per test, and threads for the transactions that must block;
 * both stopped after each test.
 */
abstract class ConcurrentStoreTest {
    final LsmKeyValueStore store;
    final ExecutorService executor = Executors.newCachedThreadPool();

    ConcurrentStoreTest(StoreKind kind) {
        this.store = kind.open(32, 256);
    }

    /** Starts {@code lock(key, strength, WAIT)} on another thread and returns once it blocks. */
    CompletableFuture<byte[]> lockBlocked(Transaction transaction, String key, LockStrength strength) {
        CompletableFuture<byte[]> lock = CompletableFuture.supplyAsync(
                () -> transaction.lock(StoreTestSupport.bytes(key), strength, WaitPolicy.WAIT), executor);
        StoreTestSupport.awaitWaiting(store, transaction);
        return lock;
    }

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
        store.close();
    }
}
