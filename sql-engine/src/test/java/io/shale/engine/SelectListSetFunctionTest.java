package io.shale.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Set-returning functions in the select list (PostgreSQL 10+ ProjectSet): lockstep evaluation,
 * identical calls run once, record results with selectable fields (pgjdbc's getPrimaryKeys shape).
 * Expected rows are what PostgreSQL 15 returns.
 */
@Timeout(60)
class SelectListSetFunctionTest {
    private static EngineFixture fixture;
    private static SqlSession sql;

    @BeforeAll
    static void start() {
        fixture = new EngineFixture();
        sql = fixture.session();
    }

    @AfterAll
    static void close() {
        sql.close();
        fixture.close();
    }

    private static List<List<String>> rows(String... rows) {
        return Arrays.stream(rows).map(r -> List.of(r.split("\\|", -1))).toList();
    }

    @Test
    void callsOfDifferentLengthsRunInLockstep() {
        assertThat(sql.query("SELECT generate_series(1, 3) AS a, generate_series(1, 2) AS b"))
                .isEqualTo(rows("1|1", "2|2", "3|null"));
    }

    @Test
    void eachInputRowExpandsAndEmptySetsDropTheRow() {
        assertThat(sql.query("SELECT x, generate_series(1, x) FROM (VALUES (2), (0), (1)) v(x) ORDER BY 1, 2"))
                .isEqualTo(rows("1|1", "2|1", "2|2"));
    }

    @Test
    void recordResultsAndTheirFields() {
        assertThat(sql.query("SELECT information_schema._pg_expandarray(ARRAY[10, 20]) AS k, "
                + "(information_schema._pg_expandarray(ARRAY[10, 20])).n"))
                .isEqualTo(rows("(10,1)|1", "(20,2)|2"));
        assertThat(sql.query("SELECT (r.k).x, r.n FROM (SELECT information_schema._pg_expandarray(ARRAY[5, 6, 7]) AS k, "
                + "(information_schema._pg_expandarray(ARRAY[5, 6, 7])).n AS n) r WHERE (r.k).x > 5 ORDER BY 2"))
                .isEqualTo(rows("6|2", "7|3"));
    }

    @Test
    void afterAggregation() {
        assertThat(sql.query("SELECT count(*), generate_series(1, 2) FROM (VALUES (1), (2)) v(x)"))
                .isEqualTo(rows("2|1", "2|2"));
    }

    @Test
    void nestedCallsExpandLevelByLevel() {
        assertThat(sql.query("SELECT generate_series(1, generate_series(1, 2))")).isEqualTo(rows("1", "1", "2"));
    }

    @Test
    void notAllowedInCase() {
        assertThatThrownBy(() -> sql.query("SELECT CASE WHEN true THEN generate_series(1, 2) END"))
                .hasMessageContaining("set-returning functions are not allowed in CASE");
    }

    @Test
    void notAllowedInWhere() {
        assertThatThrownBy(() -> sql.query("SELECT 1 WHERE generate_series(1, 2) > 1"))
                .hasMessageContaining("set-returning functions are not allowed in WHERE");
    }
}
