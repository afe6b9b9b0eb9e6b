package io.shale.engine;

import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** COPY FROM STDIN in batches: defaults, constraints with line numbers, nothing left by a failed COPY. */
@Timeout(60)
class CopyFromTest {
    private EngineFixture fixture;
    private SqlSession sql;

    @BeforeEach
    void open() {
        fixture = new EngineFixture();
        sql = fixture.session();
        sql.execute("CREATE TABLE item (id serial PRIMARY KEY, code text UNIQUE, qty int NOT NULL DEFAULT 1 CHECK (qty >= 0))");
    }

    @AfterEach
    void close() {
        sql.close();
        fixture.close();
    }

    private void input(String data) {
        sql.copyInput.add(data.getBytes(StandardCharsets.UTF_8));
    }

    /** Text rows "code\tqty" for codes 1..n, qty = code; row {@code bad} (1-based) gets {@code badLine} instead. */
    private static String rows(int n, int bad, String badLine) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            s.append(i == bad ? badLine : "c" + i + "\t" + i).append('\n');
        }
        return s.toString();
    }

    private ShaleException copyError(String statement) {
        try {
            sql.execute(statement);
        } catch (ShaleException e) {
            return e;
        }
        throw new AssertionError("expected an error from " + statement);
    }

    @Test
    void manyRowsGetDefaultsAndSerialIdsInOrder() {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            s.append('c').append(i).append('\n');
        }
        input(s.toString());
        assertThat(sql.execute("COPY item (code) FROM STDIN")).isEqualTo("COPY 1000");
        assertThat(sql.query("SELECT count(*), min(id), max(id), sum(qty) FROM item")).containsExactly(List.of("1000", "1", "1000", "1000"));
        assertThat(sql.value("SELECT code FROM item WHERE id = 777")).isEqualTo("c777");
    }

    @Test
    void checkViolationNamesItsLineAndLeavesNothing() {
        input(rows(700, 600, "c600\t-1"));
        ShaleException e = copyError("COPY item (code, qty) FROM STDIN");
        assertThat(e.code().sqlState()).isEqualTo("23514");
        assertThat(e.detail()).startsWith("Failing row contains (").endsWith(", c600, -1).");
        sql.execute("CREATE SEQUENCE s MAXVALUE 400");
        sql.execute("CREATE TABLE g (a int, b int DEFAULT nextval('s'))");
        input("1\n2\n".repeat(200) + "0\n");
        e = copyError("COPY g (a) FROM STDIN");
        assertThat(e.getMessage()).isEqualTo("nextval: reached maximum value of sequence \"s\" (400)");
        assertThat(e.detail()).isEqualTo("COPY g, line 401");
        assertThat(sql.value("SELECT count(*) FROM g")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM item")).isEqualTo("0");
    }

    @Test
    void headerCountsAsALine() {
        input("code,qty\n" + rows(300, 0, "").replace('\t', ','));
        assertThat(sql.execute("COPY item (code, qty) FROM STDIN WITH (FORMAT csv, HEADER)")).isEqualTo("COPY 300");
        sql.execute("TRUNCATE item");
        input("code,qty\nx,1\ny,oops\n");
        ShaleException e = copyError("COPY item (code, qty) FROM STDIN WITH (FORMAT csv, HEADER)");
        assertThat(e.code().sqlState()).isEqualTo("22P02");
        assertThat(e.detail()).isEqualTo("COPY item, line 3");
    }

    @Test
    void anEarlierRowsConstraintErrorComesBeforeALaterParseError() {
        input(rows(10, 3, "c3\t-5").replace("c7\t7", "c7\tseven"));
        ShaleException e = copyError("COPY item (code, qty) FROM STDIN");
        assertThat(e.code().sqlState()).isEqualTo("23514");
        assertThat(e.detail()).endsWith(", c3, -5).");
    }

    @Test
    void parseAndFormatErrorsNameTheirLine() {
        input(rows(400, 301, "c301\tx"));
        ShaleException e = copyError("COPY item (code, qty) FROM STDIN");
        assertThat(e.getMessage()).isEqualTo("invalid input syntax for type integer: \"x\"");
        assertThat(e.detail()).isEqualTo("COPY item, line 301");
        input(rows(5, 4, "c4"));
        e = copyError("COPY item (code, qty) FROM STDIN");
        assertThat(e.getMessage()).isEqualTo("missing data for column \"qty\"");
        assertThat(e.detail()).isEqualTo("COPY item, line 4");
        assertThat(sql.value("SELECT count(*) FROM item")).isEqualTo("0");
    }

    @Test
    void uniqueNotNullAndForeignKeyViolations() {
        input(rows(300, 280, "c5\t5"));
        assertThat(copyError("COPY item (code, qty) FROM STDIN").getMessage())
                .isEqualTo("duplicate key value violates unique constraint \"item_code_key\"");
        input(rows(3, 2, "c2\t\\N"));
        ShaleException e = copyError("COPY item (code, qty) FROM STDIN");
        assertThat(e.code().sqlState()).isEqualTo("23502");
        assertThat(e.detail()).startsWith("Failing row contains");
        assertThat(sql.value("SELECT count(*) FROM item")).isEqualTo("0");
        input(rows(3, 0, ""));
        sql.execute("COPY item (code, qty) FROM STDIN");
        sql.execute("CREATE TABLE child (id int PRIMARY KEY, item_code text REFERENCES item (code))");
        input("1\tc1\n2\tc3\n3\tc9\n");
        e = copyError("COPY child FROM STDIN");
        assertThat(e.code().sqlState()).isEqualTo("23503");
        assertThat(e.detail()).isEqualTo("Key (item_code)=(c9) is not present in table \"item\".");
        assertThat(sql.value("SELECT count(*) FROM child")).isEqualTo("0");
    }

    @Test
    void rowsMayReferToEarlierRowsOfTheSameCopy() {
        sql.execute("CREATE TABLE node (id int PRIMARY KEY, parent int REFERENCES node (id))");
        StringBuilder s = new StringBuilder("1\t\\N\n");
        for (int i = 2; i <= 600; i++) {
            s.append(i).append('\t').append(i - 1).append('\n');
        }
        input(s.toString());
        assertThat(sql.execute("COPY node FROM STDIN")).isEqualTo("COPY 600");
        assertThat(sql.value("SELECT count(parent) FROM node")).isEqualTo("599");
    }

    @Test
    void failedCopyInATransactionRollsBackWithIt() {
        sql.execute("BEGIN");
        input(rows(600, 550, "c550\t-1"));
        assertThat(copyError("COPY item (code, qty) FROM STDIN").code().sqlState()).isEqualTo("23514");
        sql.execute("ROLLBACK");
        assertThat(sql.value("SELECT count(*) FROM item")).isEqualTo("0");
    }

    @Test
    void escapesNullsCsvQuotesAndSplitCharacters() {
        sql.execute("CREATE TABLE t (a text, b text)");
        byte[] data = "\\x41\\101\\t\\\\z\t\\N\ncaf\u00e9\tx\\ty\n".getBytes(StandardCharsets.UTF_8);
        int split = 20;
        sql.copyInput.add(Arrays.copyOfRange(data, 0, split));
        sql.copyInput.add(Arrays.copyOfRange(data, split, data.length));
        assertThat(sql.execute("COPY t FROM STDIN")).isEqualTo("COPY 2");
        assertThat(sql.query("SELECT a, b IS NULL, b FROM t ORDER BY a"))
                .containsExactly(List.of("AA\t\\z", "t", "null"), List.of("caf\u00e9", "f", "x\ty"));
        sql.execute("TRUNCATE t");
        input("\"multi\nline\",\n\"\",\"q\"\"uote\"\n\\.\n");
        assertThat(sql.execute("COPY t FROM STDIN WITH (FORMAT csv)")).isEqualTo("COPY 2");
        assertThat(sql.query("SELECT a, b IS NULL, b FROM t ORDER BY a"))
                .containsExactly(List.of("", "f", "q\"uote"), List.of("multi\nline", "t", "null"));
    }

    @Test
    void addPrimaryKeyChecksNullsAndDuplicatesInOneScan() {
        sql.execute("CREATE TABLE k (a int, b int)");
        sql.execute("INSERT INTO k VALUES (1, 1), (2, NULL)");
        assertThat(sql.error("ALTER TABLE k ADD PRIMARY KEY (a, b)"))
                .isEqualTo("23502: column \"b\" of relation \"k\" contains null values");
        sql.execute("UPDATE k SET b = 1");
        sql.execute("INSERT INTO k VALUES (1, 1)");
        assertThat(sql.error("ALTER TABLE k ADD PRIMARY KEY (a, b)"))
                .isEqualTo("23505: could not create unique index \"k_pkey\"");
        sql.execute("DELETE FROM k WHERE a = 1");
        sql.execute("INSERT INTO k VALUES (1, 1)");
        sql.execute("ALTER TABLE k ADD PRIMARY KEY (a, b)");
        assertThat(sql.error("INSERT INTO k VALUES (1, 1)")).startsWith("23505");
        assertThat(sql.error("INSERT INTO k VALUES (3, NULL)")).startsWith("23502");
    }
}
