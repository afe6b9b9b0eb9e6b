package io.shale.storage.memory;

import org.junit.jupiter.api.AfterEach;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A fresh store per test, and threads for the transactions that must block; stopped after each test. */
abstract class ConcurrentStoreTest {
    final MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults());
    final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }
}
