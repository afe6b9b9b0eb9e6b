package io.shale.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** INSERT routing, UPDATE/DELETE, INSERT … SELECT and COPY on distributed and reference tables (one node). */
@Timeout(60)
class DistributedDmlTest {
    private EngineFixture fixture;
    private SqlSession s;

    @BeforeEach
    void setUp() {
        fixture = new EngineFixture();
        s = fixture.session();
        DistributedTables tables = new DistributedTables(fixture.engine, s);
        int colocation = tables.hash("items", "(tenant int, id serial, name text, qty int DEFAULT 1)", "tenant", 4, 0);
        tables.hash("copies", "(tenant int, id int, name text, qty int)", "tenant", 4, colocation);
        tables.hash("byname", "(name text, tenant int)", "name", 2, 0);
        tables.reference("labels", "(id int PRIMARY KEY, label text)");
    }

    @AfterEach
    void tearDown() {
        s.close();
        fixture.close();
    }

    private int shardRows(String table, long first, int shards) {
        int n = 0;
        for (int i = 0; i < shards; i++) {
            n += Integer.parseInt(s.value("SELECT count(*) FROM " + table + "_" + (first + i)));
        }
        return n;
    }

    @Test
    void insertRoutesRowsAndEvaluatesDefaultsOnTheCoordinator() {
        assertThat(s.execute("INSERT INTO items (tenant, name) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (1, 'd')"))
                .isEqualTo("INSERT 0 4");
        assertThat(s.query("SELECT tenant, id, name, qty FROM items ORDER BY id")).containsExactly(
                List.of("1", "1", "a", "1"), List.of("2", "2", "b", "1"), List.of("3", "3", "c", "1"),
                List.of("1", "4", "d", "1"));
        assertThat(s.value("SELECT count(*) FROM items_102008")).isEqualTo("2");
        assertThat(shardRows("items", 102008, 4)).isEqualTo(4);
        assertThat(s.query("INSERT INTO items (tenant, name) VALUES (5, 'e') RETURNING id, name"))
                .containsExactly(List.of("5", "e"));
        assertThat(s.error("INSERT INTO items (tenant, name) VALUES (NULL, 'x')"))
                .isEqualTo("0A000: cannot perform an INSERT with NULL in the partition column");
    }

    @Test
    void updateAndDelete() {
        s.execute("INSERT INTO items (tenant, name) SELECT g % 5, 'n' || g FROM generate_series(1, 20) g");
        assertThat(s.execute("UPDATE items SET qty = qty + 1 WHERE tenant = 2")).isEqualTo("UPDATE 4");
        assertThat(s.execute("UPDATE items SET qty = 10 WHERE id > 15")).isEqualTo("UPDATE 5");
        assertThat(s.value("SELECT sum(qty) FROM items")).isEqualTo("68");
        assertThat(s.query("UPDATE items SET name = 'x' WHERE tenant = 3 AND id = 3 RETURNING tenant, name"))
                .containsExactly(List.of("3", "x"));
        assertThat(s.error("UPDATE items SET tenant = 2 WHERE id = 1"))
                .isEqualTo("0A000: modifying the partition value of rows is not allowed");
        assertThat(s.execute("DELETE FROM items WHERE tenant = 0")).isEqualTo("DELETE 4");
        assertThat(s.execute("DELETE FROM items WHERE qty = 10")).isEqualTo("DELETE 4");
        assertThat(s.value("SELECT count(*) FROM items")).isEqualTo("12");
    }

    @Test
    void textDistributionColumn() {
        s.execute("INSERT INTO byname VALUES ('a', 1), ('b', 2), ('tenant_1', 3)");
        assertThat(s.value("SELECT tenant FROM byname WHERE name = 'tenant_1'")).isEqualTo("3");
        assertThat(s.value("SELECT count(*) FROM byname")).isEqualTo("3");
    }

    @Test
    void insertSelect() {
        s.execute("INSERT INTO items (tenant, name, qty) SELECT g % 4, 'n' || g, g FROM generate_series(1, 12) g");
        assertThat(s.execute("INSERT INTO copies SELECT tenant, id, name, qty FROM items WHERE qty > 2"))
                .isEqualTo("INSERT 0 10");
        assertThat(s.execute("INSERT INTO copies (tenant, id, name, qty) SELECT qty, id, name, tenant FROM items"))
                .isEqualTo("INSERT 0 12");
        assertThat(s.execute("INSERT INTO copies (tenant, id) SELECT tenant, count(*) FROM items GROUP BY tenant"))
                .isEqualTo("INSERT 0 4");
        assertThat(s.value("SELECT count(*) FROM copies")).isEqualTo("26");
        assertThat(shardRows("copies", 102012, 4)).isEqualTo(26);
    }

    @Test
    void referenceTableWritesAndJoins() {
        assertThat(s.execute("INSERT INTO labels VALUES (1, 'one'), (2, 'two')")).isEqualTo("INSERT 0 2");
        assertThat(s.execute("UPDATE labels SET label = 'ONE' WHERE id = 1")).isEqualTo("UPDATE 1");
        s.execute("INSERT INTO items (tenant, name) VALUES (1, 'a'), (2, 'b')");
        assertThat(s.query("SELECT i.name, l.label FROM items i JOIN labels l ON l.id = i.tenant ORDER BY 1"))
                .containsExactly(List.of("a", "ONE"), List.of("b", "two"));
        assertThat(s.execute("DELETE FROM labels")).isEqualTo("DELETE 2");
    }

    @Test
    void copyInAndOut() {
        s.copyInput.add("1\t1\tx\t5\n2\t2\ty\t6\n3\t3\tz\t7\n".getBytes(StandardCharsets.UTF_8));
        assertThat(s.execute("COPY copies FROM STDIN")).isEqualTo("COPY 3");
        assertThat(shardRows("copies", 102012, 4)).isEqualTo(3);
        assertThat(s.execute("COPY copies TO STDOUT")).isEqualTo("COPY 3");
        assertThat(String.join("", s.copyOutput)).contains("2\t2\ty\t6\n");
        s.copyOutput.clear();
        assertThat(s.execute("COPY (SELECT sum(qty) FROM copies) TO STDOUT")).isEqualTo("COPY 1");
        assertThat(s.copyOutput).containsExactly("18\n");
        s.copyInput.add("9\t9\tw\t1\n\\N\t10\tv\t2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(s.error("COPY copies FROM STDIN"))
                .isEqualTo("22023: the partition column of table public.copies cannot be NULL");
    }

    @Test
    void preparedStatementsBindParametersIntoTaskText() {
        s.execute("PREPARE ins(int, text) AS INSERT INTO items (tenant, name) VALUES ($1, $2)");
        for (int i = 0; i < 10; i++) {
            s.execute("EXECUTE ins(" + (i % 3) + ", 'it''s " + i + "')");
        }
        s.execute("PREPARE upd(int, int) AS UPDATE items SET qty = $2 WHERE tenant = $1");
        assertThat(s.execute("EXECUTE upd(1, 9)")).isEqualTo("UPDATE 3");
        s.execute("PREPARE many(int, text) AS SELECT count(*) FROM items WHERE qty < $1 AND name <> $2");
        assertThat(s.value("EXECUTE many(5, 'it''s 0')")).isEqualTo("6");
        s.execute("PREPARE del(text) AS DELETE FROM items WHERE name = $1 RETURNING tenant");
        assertThat(s.query("EXECUTE del('it''s 4')")).containsExactly(List.of("1"));
        assertThat(s.value("SELECT count(*) FROM items")).isEqualTo("9");
    }

    @Test
    void transactionSeesItsOwnWrites() {
        s.execute("BEGIN");
        s.execute("INSERT INTO items (tenant, name) VALUES (7, 'in-txn')");
        assertThat(s.value("SELECT count(*) FROM items WHERE tenant = 7")).isEqualTo("1");
        s.execute("ROLLBACK");
        assertThat(s.value("SELECT count(*) FROM items")).isEqualTo("0");
    }
}
