package io.shale.engine;

import io.shale.catalog.CatalogCodec;
import io.shale.common.error.ShaleException;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalogs built by random DDL (some of it in blocks that roll back) come back byte for byte from
 * the codec and from a new engine over the same store.
 */
class CatalogRoundTripProperties {
    private static final List<String> TYPES = List.of("int", "bigint", "text", "varchar(12)", "numeric(8,3)",
            "boolean", "date", "timestamptz", "jsonb", "int[]", "uuid", "bytea");

    @Property(tries = 15)
    void randomDdlRoundTrips(@ForAll long seed) {
        Random random = new Random(seed);
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            Engine engine = new Engine(EngineConfig.defaults(), store);
            try (SqlSession sql = new SqlSession(engine)) {
                for (int step = 0; step < 25; step++) {
                    run(sql, random);
                }
            }
            byte[] bytes = CatalogCodec.encode(engine.catalog());
            assertThat(CatalogCodec.encode(CatalogCodec.decode(bytes))).as("seed %d", seed).isEqualTo(bytes);
            Engine reopened = new Engine(EngineConfig.defaults(), store);
            assertThat(CatalogCodec.encode(reopened.catalog())).as("seed %d: the catalog a new engine reads", seed)
                    .isEqualTo(bytes);
            engine.close();
            reopened.close();
        }
    }

    private static void run(SqlSession sql, Random random) {
        int t = random.nextInt(6);
        String statement = switch (random.nextInt(12)) {
            case 0, 1 -> "CREATE TABLE t" + t + " (id serial PRIMARY KEY, c1 " + type(random) + " NOT NULL DEFAULT "
                    + (random.nextBoolean() ? "NULL" : "'1'") + ", c2 " + type(random) + ")";
            case 2 -> "CREATE INDEX ON t" + t + " (c1" + (random.nextBoolean() ? " DESC" : "") + ")";
            case 3 -> "ALTER TABLE t" + t + " ADD COLUMN c" + (3 + random.nextInt(5)) + " " + type(random);
            case 4 -> "ALTER TABLE t" + t + " DROP COLUMN c" + (1 + random.nextInt(7));
            case 5 -> "CREATE SEQUENCE s" + t + " INCREMENT " + (1 + random.nextInt(9)) + (random.nextBoolean() ? " CYCLE" : "");
            case 6 -> "CREATE VIEW v" + t + " AS SELECT id FROM t" + t;
            case 7 -> "COMMENT ON TABLE t" + t + " IS 'table " + random.nextInt(100) + "'";
            case 8 -> "DROP TABLE t" + t + " CASCADE";
            case 9 -> "TRUNCATE t" + t;
            case 10 -> "CREATE ROLE r" + random.nextInt(1000);
            default -> "CREATE SCHEMA sc" + random.nextInt(1000);
        };
        boolean block = random.nextInt(4) == 0;
        try {
            if (block) {
                sql.execute("BEGIN");
            }
            sql.execute(statement);
            if (block) {
                sql.execute(random.nextBoolean() ? "COMMIT" : "ROLLBACK");
            }
        } catch (ShaleException e) {
            if (block) {
                sql.execute("ROLLBACK");
            }
        }
    }

    private static String type(Random random) {
        return TYPES.get(random.nextInt(TYPES.size()));
    }
}
