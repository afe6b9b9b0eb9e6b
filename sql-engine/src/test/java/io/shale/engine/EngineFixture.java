package io.shale.engine;

import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;

/** One engine over an in-memory store, for tests; sessions are opened as {@code postgres}. */
public final class EngineFixture implements AutoCloseable {
    final MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults());
    final Engine engine = new Engine(EngineConfig.defaults(), store);

    /** A new session of user postgres on database postgres. */
    public SqlSession session() {
        return new SqlSession(engine);
    }

    @Override
    public void close() {
        engine.close();
        store.close();
    }
}
