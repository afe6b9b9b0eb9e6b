package io.shale.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DDL on distributed and reference tables reaches their shard relations in the same catalog change. */
class DistributedDdlTest extends DistributionTestBase {
    @BeforeEach
    void open() {
        sql.execute("CREATE TABLE t (id int, v text)");
        sql.execute("SELECT create_distributed_table('t', 'id', shard_count => 2)");
        sql.execute("SET citus.override_table_visibility = off");
    }

    @Test
    void columnsDefaultsAndNotNullReachTheShards() {
        sql.execute("ALTER TABLE t ADD COLUMN n int DEFAULT 7");
        sql.execute("ALTER TABLE t ALTER COLUMN v SET NOT NULL");
        sql.execute("INSERT INTO t_102008 (id, v) VALUES (1, 'a')");
        assertThat(sql.query("SELECT id, v, n FROM t_102008")).containsExactly(List.of("1", "a", "7"));
        assertThat(sql.error("INSERT INTO t_102009 (id) VALUES (2)")).startsWith("23502");
        sql.execute("ALTER TABLE t DROP COLUMN n");
        assertThat(sql.error("SELECT n FROM t_102009")).startsWith("42703");
    }

    @Test
    void existingShardRowsGetNewColumnsAndTypes() {
        sql.execute("INSERT INTO t_102008 VALUES (1, 'a')");
        sql.execute("INSERT INTO t_102009 VALUES (2, 'b')");
        sql.execute("ALTER TABLE t ADD COLUMN n int DEFAULT 5");
        sql.execute("ALTER TABLE t ALTER COLUMN n TYPE bigint");
        sql.execute("ALTER TABLE t ALTER COLUMN v TYPE varchar(10)");
        assertThat(sql.query("SELECT id, v, n, pg_typeof(n) FROM t_102008")).containsExactly(
                List.of("1", "a", "5", "bigint"));
        assertThat(sql.query("SELECT id, v, n FROM t_102009")).containsExactly(List.of("2", "b", "5"));
        assertThat(sql.error("ALTER TABLE t ADD COLUMN m int NOT NULL")).isEqualTo(
                "23502: column \"m\" of relation \"t\" contains null values");
        sql.execute("INSERT INTO t_102009 (id) VALUES (3)");
        assertThat(sql.error("ALTER TABLE t ALTER COLUMN v SET NOT NULL")).isEqualTo(
                "23502: column \"v\" of relation \"t_102009\" contains null values");
    }

    @Test
    void indexesAndConstraintsGetShardNames() {
        sql.execute("INSERT INTO t_102008 VALUES (1, 'a')");
        sql.execute("CREATE INDEX t_v ON t (v)");
        sql.execute("ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY (id)");
        sql.execute("ALTER TABLE t ADD CONSTRAINT t_v_check CHECK (v <> '')");
        assertThat(sql.query("SELECT relname FROM pg_class WHERE relname LIKE 't\\_%' AND relkind = 'i' ORDER BY 1"))
                .containsExactly(List.of("t_pk"), List.of("t_pk_102008"), List.of("t_pk_102009"), List.of("t_v"),
                        List.of("t_v_102008"), List.of("t_v_102009"));
        assertThat(sql.query("SELECT conname FROM pg_constraint WHERE conrelid = 't_102008'::regclass ORDER BY 1"))
                .containsExactly(List.of("t_pk_102008"), List.of("t_v_check_102008"));
        assertThat(sql.error("INSERT INTO t_102008 VALUES (1, 'b')")).startsWith("23505");
        assertThat(sql.error("INSERT INTO t_102008 VALUES (3, '')")).startsWith("23514");
        sql.execute("DROP INDEX t_v");
        assertThat(sql.value("SELECT count(*) FROM pg_class WHERE relname LIKE 't_v_1%'")).isEqualTo("0");
    }

    @Test
    void citusRefusals() {
        assertThat(sql.error("ALTER TABLE t ADD CONSTRAINT t_v_key UNIQUE (v)")).isEqualTo("0A000: cannot create"
                + " constraint on \"t\"");
        assertThat(sql.error("CREATE UNIQUE INDEX t_v_unique ON t (v)"))
                .isEqualTo("0A000: creating unique indexes on non-partition columns is currently unsupported");
        assertThat(sql.error("ALTER TABLE t ALTER COLUMN id TYPE bigint"))
                .isEqualTo("0A000: cannot execute ALTER TABLE command involving partition column");
        assertThat(sql.error("ALTER TABLE t DROP COLUMN id"))
                .isEqualTo("0A000: cannot execute ALTER TABLE command involving partition column");
        sql.execute("CREATE UNIQUE INDEX t_id_v ON t (id, v)");
    }

    @Test
    void foreignKeysFollowCitusRules() {
        sql.execute("CREATE TABLE r (id int PRIMARY KEY)");
        sql.execute("SELECT create_reference_table('r')");
        sql.execute("CREATE TABLE c (id int, t_id int, r_id int)");
        sql.execute("SELECT create_distributed_table('c', 'id', colocate_with => 't')");
        sql.execute("ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (id)");
        sql.execute("ALTER TABLE c ADD CONSTRAINT c_r FOREIGN KEY (r_id) REFERENCES r (id)");
        assertThat(sql.value("SELECT confrelid::regclass FROM pg_constraint WHERE conname = 'c_r_102011'"))
                .isEqualTo("r_102010");
        assertThat(sql.error("ALTER TABLE c ADD CONSTRAINT c_t FOREIGN KEY (t_id) REFERENCES t (id)"))
                .isEqualTo("0A000: cannot create foreign key constraint");
        sql.execute("CREATE TABLE local (id int PRIMARY KEY)");
        assertThat(sql.error("ALTER TABLE c ADD CONSTRAINT c_l FOREIGN KEY (id) REFERENCES local (id)"))
                .isEqualTo("0A000: cannot create foreign key constraint since relations are not colocated or not"
                        + " referencing a reference table");
        assertThat(sql.error("ALTER TABLE local ADD CONSTRAINT l_t FOREIGN KEY (id) REFERENCES t (id)"))
                .isEqualTo("0A000: cannot create foreign key constraint since foreign keys from reference tables and"
                        + " local tables to distributed tables are not supported");
    }

    @Test
    void truncateRenameAndDrop() {
        sql.execute("INSERT INTO t_102008 VALUES (1, 'a')");
        sql.execute("TRUNCATE t");
        assertThat(sql.value("SELECT count(*) FROM t_102008")).isEqualTo("0");
        sql.execute("INSERT INTO t_102009 VALUES (2, 'b')");
        sql.execute("ALTER TABLE t RENAME TO t2");
        assertThat(sql.query("SELECT * FROM t2_102009")).containsExactly(List.of("2", "b"));
        assertThat(sql.value("SELECT logicalrelid FROM pg_dist_shard WHERE shardid = 102009")).isEqualTo("t2");
        sql.execute("DROP TABLE t2");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_partition")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_shard")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_placement")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_colocation")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_class WHERE relnamespace = 2200")).isEqualTo("0");
    }

    @Test
    void aRolledBackDistributionLeavesNothing() {
        sql.execute("CREATE TABLE r (id int)");
        sql.execute("BEGIN");
        sql.execute("SELECT create_reference_table('r')");
        sql.execute("ROLLBACK");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_partition WHERE logicalrelid = 'r'::regclass"))
                .isEqualTo("0");
    }
}
