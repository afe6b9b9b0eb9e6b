package io.shale.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Built-in functions and operators through the whole engine (analyzer, executor, common's value
 * types), each expected text taken from PostgreSQL 15 with the same statement.
 */
@Timeout(60)
class FunctionEndToEndTest {
    private static EngineFixture fixture;
    private static SqlSession sql;

    @BeforeAll
    static void data() {
        fixture = new EngineFixture();
        sql = fixture.session();
        sql.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        sql.execute("CREATE TABLE people (name text, m mood)");
        sql.execute("INSERT INTO people VALUES ('a', 'happy'), ('b', 'sad'), ('c', 'ok'), ('d', NULL)");
    }

    @AfterAll
    static void close() {
        sql.close();
        fixture.close();
    }

    private static List<List<String>> rows(String... rows) {
        return java.util.Arrays.stream(rows).map(r -> List.of(r.split("\\|", -1))).toList();
    }

    @Test
    void dateAndIntervalArithmetic() {
        assertThat(sql.value("SELECT DATE '2024-01-31' + INTERVAL '1 month'")).isEqualTo("2024-02-29 00:00:00");
        assertThat(sql.value("SELECT TIMESTAMP '2024-01-31 10:00' - INTERVAL '1 day 2 hours'"))
                .isEqualTo("2024-01-30 08:00:00");
        assertThat(sql.query("SELECT INTERVAL '1 day' * 1.5, INTERVAL '1 hour' / 4")).isEqualTo(rows("1 day 12:00:00|00:15:00"));
        assertThat(sql.query("SELECT INTERVAL '1 mon' * 0.3, INTERVAL '1 mon 1 day' / 7, INTERVAL '-1 mon 3 days' * 1.1"))
                .isEqualTo(rows("9 days|4 days 10:17:08.546743|-1 mons +07:12:00"));
        assertThat(sql.value("SELECT DATE '2024-03-01' - DATE '2024-02-01'")).isEqualTo("29");
        assertThat(sql.value("SELECT age(TIMESTAMP '2024-03-15', TIMESTAMP '2023-01-01')")).isEqualTo("1 year 2 mons 14 days");
        assertThat(sql.value("SELECT justify_interval(INTERVAL '35 days -1 hour')")).isEqualTo("1 mon 4 days 23:00:00");
        assertThat(sql.value("SELECT date_trunc('month', TIMESTAMP '2024-05-17 13:45:10')")).isEqualTo("2024-05-01 00:00:00");
        assertThat(sql.value("SELECT extract(epoch FROM INTERVAL '1 day 1 second')")).isEqualTo("86401.000000");
    }

    @Test
    void arrays() {
        assertThat(sql.value("SELECT current_schemas(true)")).isEqualTo("{pg_catalog,public}");
        assertThat(sql.value("SELECT array_agg(x ORDER BY x DESC) FROM generate_series(1, 4) x")).isEqualTo("{4,3,2,1}");
        assertThat(sql.query("SELECT array_length(ARRAY[1,2,3], 1), ARRAY[1,2] || 3, array_position(ARRAY['a','b'], 'b')"))
                .isEqualTo(rows("3|{1,2,3}|2"));
        assertThat(sql.query("SELECT ARRAY[1,2] < ARRAY[1,3], ARRAY[[1,2],[3,4]]")).isEqualTo(rows("t|{{1,2},{3,4}}"));
        assertThat(sql.query("SELECT * FROM unnest(ARRAY['x','y'])")).isEqualTo(rows("x", "y"));
    }

    @Test
    void jsonb() {
        assertThat(sql.query("SELECT '{\"a\":{\"b\":[1,2]}}'::jsonb -> 'a', '{\"a\":1}'::jsonb ->> 'a'"))
                .isEqualTo(rows("{\"b\": [1, 2]}|1"));
        assertThat(sql.query("SELECT jsonb_build_object('k', 1, 'a', ARRAY[1,2]), to_jsonb(DATE '2024-01-02')"))
                .isEqualTo(rows("{\"a\": [1, 2], \"k\": 1}|\"2024-01-02\""));
        assertThat(sql.query("SELECT '{\"b\":1,\"a\":2}'::jsonb || '{\"c\":3}'::jsonb, '[]'::jsonb < 'null'::jsonb"))
                .isEqualTo(rows("{\"a\": 2, \"b\": 1, \"c\": 3}|t"));
        assertThat(sql.value("SELECT jsonb_agg(x) FROM generate_series(1,3) x")).isEqualTo("[1, 2, 3]");
        assertThat(sql.query("SELECT '{\"a\":[1,{\"b\":null}]}'::jsonb #> '{a,1,b}', '{\"a\":[1,{\"b\":null}]}'::jsonb #>> '{a,1,b}', "
                + "'{\"a\":[1,2]}'::jsonb #> '{a,-1}', '{\"a\":1}'::jsonb #> '{}', '[1,2]'::jsonb -> -1"))
                .isEqualTo(rows("null|null|2|{\"a\": 1}|2"));
    }

    @Test
    void inet() {
        assertThat(sql.query("SELECT host('192.168.1.5/24'::inet), network('192.168.1.5/24'::inet), "
                + "broadcast('192.168.1.5/24'::inet)")).isEqualTo(rows("192.168.1.5|192.168.1.0/24|192.168.1.255/24"));
        assertThat(sql.query("SELECT '10.0.0.1'::inet << '10.0.0.0/8'::inet, family('::1'::inet), masklen('10.1.0.0/16'::cidr)"))
                .isEqualTo(rows("t|6|16"));
    }

    @Test
    void enumsOrderByLabelPosition() {
        assertThat(sql.query("SELECT name, m FROM people ORDER BY m, name"))
                .isEqualTo(rows("b|sad", "c|ok", "a|happy", "d|null"));
        assertThat(sql.query("SELECT name FROM people WHERE m > 'sad' ORDER BY name")).isEqualTo(rows("a", "c"));
        assertThat(sql.query("SELECT 'happy'::mood > 'ok'::mood, 'sad'::mood < 'ok'::mood, 'ok'::mood = 'ok'::mood"))
                .isEqualTo(rows("t|t|t"));
        assertThat(sql.query("SELECT name FROM people ORDER BY m DESC NULLS LAST, name")).isEqualTo(rows("a", "c", "b", "d"));
        assertThat(sql.value("SELECT string_agg(name, ',' ORDER BY m) FROM people")).isEqualTo("b,c,a,d");
        assertThat(sql.query("SELECT max(m), min(m) FROM people")).isEqualTo(rows("happy|sad"));
    }

    @Test
    void stringAggregationAndRegularExpressions() {
        assertThat(sql.value("SELECT string_agg(x::text, ',' ORDER BY x DESC) FROM generate_series(1,3) x")).isEqualTo("3,2,1");
        assertThat(sql.value("SELECT regexp_replace('hello world', 'o', '0', 'g')")).isEqualTo("hell0 w0rld");
        assertThat(sql.value("SELECT m FROM regexp_matches('abc123', '([a-z]+)(\\d+)') m")).isEqualTo("{abc,123}");
        assertThat(sql.query("SELECT regexp_split_to_array('a1b2c', '\\d'), 'abc' ~ 'b'")).isEqualTo(rows("{a,b,c}|t"));
    }

    @Test
    void toCharAndTextConversions() {
        assertThat(sql.query("SELECT to_char(TIMESTAMP '2024-03-05 14:07:09', 'YYYY-MM-DD HH24:MI:SS Day'), "
                + "to_char(1234.5, '9,999.99')")).isEqualTo(rows("2024-03-05 14:07:09 Tuesday  | 1,234.50"));
        assertThat(sql.value("SELECT to_char(INTERVAL '1 day 03:04:05', 'HH24:MI:SS')")).isEqualTo("03:04:05");
        assertThat(sql.query("SELECT 'd:' || DATE '2024-01-02', 1.5::float8 || 'x', true || 'x'"))
                .isEqualTo(rows("d:2024-01-02|1.5x|truex"));
        assertThat(sql.value("SELECT concat('a', 1, NULL, 2.50, DATE '2024-01-02')")).isEqualTo("a12.502024-01-02");
        assertThat(sql.query("SELECT 'x' || 'pg_class'::regclass, concat('t:', 'pg_class'::regclass, 1.5::float8)"))
                .isEqualTo(rows("xpg_class|t:pg_class1.5"));
        assertThat(sql.value("SELECT array_append(NULL::numeric[], 1.5) = ARRAY[1.5]")).isEqualTo("t");
        assertThat(sql.value("SELECT format('%s|%L|%I', INTERVAL '90 minutes', 'it''s', 'A b')"))
                .isEqualTo("01:30:00|'it''s'|\"A b\"");
    }

    @Test
    void textFollowsSessionSettings() {
        try (SqlSession s = fixture.session()) {
            s.execute("SET DateStyle = 'SQL, DMY'");
            assertThat(s.query("SELECT 'd:' || DATE '2024-01-02', DATE '2024-01-02'::text"))
                    .isEqualTo(rows("d:02/01/2024|02/01/2024"));
            assertThat(s.query("SELECT to_json(TIMESTAMP '2024-01-02 03:04:05'), to_jsonb(DATE '2024-01-02'), "
                    + "concat(DATE '2024-01-02', 'x')")).isEqualTo(rows("\"2024-01-02T03:04:05\"|\"2024-01-02\"|02/01/2024x"));
            assertThat(s.query("SELECT concat(0.1::float8 + 0.2::float8), to_json(0.1::float8 + 0.2::float8)"))
                    .isEqualTo(rows("0.30000000000000004|0.30000000000000004"));
            s.execute("SET IntervalStyle = 'iso_8601'");
            assertThat(s.value("SELECT 'i:' || INTERVAL '1 day 2 hours'")).isEqualTo("i:P1DT2H");
            s.execute("SET extra_float_digits = 0");
            assertThat(s.value("SELECT (0.1::float8 + 0.2::float8) || ''")).isEqualTo("0.3");
            assertThat(s.query("SELECT concat(0.1::float8 + 0.2::float8), to_json(0.1::float8 + 0.2::float8)"))
                    .isEqualTo(rows("0.3|0.3"));
        }
    }

    @Test
    void outOfRangeDateSuggestsDateStyle() {
        assertThat(sql.error("SELECT '2024-13-01'::date")).isEqualTo("22008: date/time field value out of range: \"2024-13-01\"");
    }
}
