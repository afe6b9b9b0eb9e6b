package io.shale.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** pg_relation_size and friends answer from the store's size of each relation's key range. */
@Timeout(30)
class RelationSizeTest {
    private EngineFixture fixture;
    private SqlSession sql;

    @BeforeEach
    void open() {
        fixture = new EngineFixture();
        sql = fixture.session();
    }

    @AfterEach
    void close() {
        sql.close();
        fixture.close();
    }

    private long size(String expression) {
        return Long.parseLong(sql.value("SELECT " + expression));
    }

    @Test
    void tableIndexTotalAndDatabaseSizesAddUp() {
        sql.execute("CREATE TABLE t (id int PRIMARY KEY, name text)");
        sql.execute("CREATE INDEX t_name ON t (name)");
        assertThat(size("pg_relation_size('t')")).isZero();
        sql.execute("INSERT INTO t SELECT g, 'name ' || g FROM generate_series(1, 2000) g");
        long table = size("pg_relation_size('t')");
        long pkey = size("pg_relation_size('t_pkey')");
        long byName = size("pg_relation_size('t_name')");
        assertThat(table).isGreaterThan(2000 * 8);
        assertThat(pkey).isPositive();
        assertThat(byName).isGreaterThan(pkey);
        assertThat(size("pg_table_size('t')")).isEqualTo(table);
        assertThat(size("pg_relation_size('t', 'main')")).isEqualTo(table);
        assertThat(size("pg_relation_size('t', 'fsm')")).isZero();
        assertThat(size("pg_indexes_size('t')")).isEqualTo(pkey + byName);
        assertThat(size("pg_total_relation_size('t')")).isEqualTo(table + pkey + byName);
        assertThat(size("pg_database_size(current_database())")).isGreaterThanOrEqualTo(table + pkey + byName);
        assertThat(size("pg_database_size((SELECT oid FROM pg_database WHERE datname = current_database()))"))
                .isEqualTo(size("pg_database_size(current_database())"));
        assertThat(sql.query("SELECT pg_size_pretty(pg_total_relation_size('t')) LIKE '% kB'"))
                .containsExactly(List.of("t"));
        assertThat(sql.error("SELECT pg_database_size('nosuch')"))
                .isEqualTo("3D000: database \"nosuch\" does not exist");
    }

    @Test
    void truncateAndDeleteWithVacuumGiveTheSpaceBack() {
        sql.execute("CREATE TABLE t (id int PRIMARY KEY, pad text)");
        sql.execute("INSERT INTO t SELECT g, repeat('x', 100) FROM generate_series(1, 1000) g");
        long full = size("pg_total_relation_size('t')");
        sql.execute("DELETE FROM t WHERE id > 500");
        sql.execute("VACUUM t");
        assertThat(size("pg_total_relation_size('t')")).isLessThan(full);
        sql.execute("TRUNCATE t");
        assertThat(size("pg_total_relation_size('t')")).isZero();
    }
}
