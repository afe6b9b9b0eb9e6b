package io.shale.benchmarks;

import io.shale.engine.Engine;
import io.shale.engine.EngineConfig;
import io.shale.engine.session.InternalQueryListener;
import io.shale.engine.session.Session;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;

import java.util.Map;

/**
 * An engine over an in-memory store holding pgbench's accounts table ({@code aid} primary key,
 * {@code bid}, {@code abalance}, {@code filler}), and one session on it.
 */
final class BenchmarkDatabase implements AutoCloseable {
    final MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults());
    final Engine engine = new Engine(EngineConfig.defaults(), store);
    final Session session = engine.open("postgres", "postgres", Map.of(), "127.0.0.1");

    /** Creates and fills pgbench_accounts with {@code rows} rows, as {@code pgbench -i} does. */
    BenchmarkDatabase withAccounts(int rows) {
        run("CREATE TABLE pgbench_accounts (aid int NOT NULL, bid int, abalance int, filler char(84))");
        run("INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT aid, (aid - 1) / 100000 + 1, 0, ''"
                + " FROM generate_series(1, " + rows + ") AS aid");
        run("ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)");
        return this;
    }

    void run(String sql) {
        session.simpleQuery(sql, new CountingListener());
    }

    @Override
    public void close() {
        session.close();
        engine.close();
        store.close();
    }

    /** Counts rows and keeps the last value seen, so that nothing is optimised away. */
    static final class CountingListener extends InternalQueryListener {
        long rows;
        Object last;
        String tag;

        @Override
        public void row(Object[] values) {
            rows++;
            last = values.length == 0 ? null : values[0];
        }

        @Override
        public void commandComplete(String tag) {
            this.tag = tag;
        }

    }
}
