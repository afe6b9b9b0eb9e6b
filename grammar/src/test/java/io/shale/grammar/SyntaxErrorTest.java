package io.shale.grammar;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax errors carry PostgreSQL 15's message and position (expected values captured from PostgreSQL 15.18). */
@Timeout(10)
class SyntaxErrorTest {
    private final SqlParser parser = new SqlParser();

    static Stream<Arguments> postgresErrors() {
        return Stream.of(
                Arguments.of("selec 1", "syntax error at or near \"selec\"", 1),
                Arguments.of("select 1 +", "syntax error at end of input", 11),
                Arguments.of("select * form t", "syntax error at or near \"form\"", 10),
                Arguments.of("select (1", "syntax error at end of input", 10),
                Arguments.of("create table (a int)", "syntax error at or near \"(\"", 14),
                Arguments.of("insert into t values (1,)", "syntax error at or near \")\"", 25),
                Arguments.of("select 'abc", "unterminated quoted string at or near \"'abc\"", 8),
                Arguments.of("select a from t where", "syntax error at end of input", 22),
                Arguments.of("update t set = 1", "syntax error at or near \"=\"", 14),
                Arguments.of("select 1 from t order by", "syntax error at end of input", 25),
                Arguments.of("select \"abc", "unterminated quoted identifier at or near \"\"abc\"", 8),
                Arguments.of("select $$abc", "unterminated dollar-quoted string at or near \"$$abc\"", 8),
                Arguments.of("delete t", "syntax error at or near \"t\"", 8),
                Arguments.of("select 1; selec 2", "syntax error at or near \"selec\"", 11),
                Arguments.of("SELECT a,, b FROM t", "syntax error at or near \",\"", 10),
                Arguments.of("select * from t limit", "syntax error at end of input", 22),
                Arguments.of("drop table", "syntax error at end of input", 11),
                Arguments.of("select 1 2", "syntax error at or near \"2\"", 10),
                Arguments.of("select * from t where a = = 1", "syntax error at or near \"=\"", 27),
                Arguments.of("create index on t", "syntax error at end of input", 18),
                Arguments.of("select /* unterminated", "unterminated /* comment at or near \"/* unterminated\"", 8),
                Arguments.of("select a from t join u", "syntax error at end of input", 23),
                Arguments.of("SELECT\n  a\nFROM t WHERE b IN (1, 2", "syntax error at end of input", 35),
                Arguments.of("select 1 union", "syntax error at end of input", 15),
                Arguments.of("select from where", "syntax error at or near \"where\"", 13),
                Arguments.of("select a b c from t", "syntax error at or near \"c\"", 12),
                Arguments.of("select * from t where a = 1 and", "syntax error at end of input", 32),
                Arguments.of("select * from t group by", "syntax error at end of input", 25),
                Arguments.of("select * from t order a", "syntax error at or near \"a\"", 23),
                Arguments.of("select count(* from t", "syntax error at or near \"from\"", 16),
                Arguments.of("select a from t t2 t3", "syntax error at or near \"t3\"", 20),
                Arguments.of("insert into t (a, b) values (1, 2", "syntax error at end of input", 34),
                Arguments.of("insert t values (1)", "syntax error at or near \"t\"", 8),
                Arguments.of("update t set a = 1 where", "syntax error at end of input", 25),
                Arguments.of("create table t (a int,)", "syntax error at or near \")\"", 23),
                Arguments.of("create table t (a int b int)", "syntax error at or near \"b\"", 23),
                Arguments.of("create table t a int", "syntax error at or near \"a\"", 16),
                Arguments.of("alter table t add", "syntax error at end of input", 18),
                Arguments.of("alter table t drop column", "syntax error at end of input", 26),
                Arguments.of("drop", "syntax error at end of input", 5),
                Arguments.of("select case when a then b", "syntax error at end of input", 26),
                Arguments.of("select cast(a as) from t", "syntax error at or near \")\"", 17),
                Arguments.of("select a::", "syntax error at end of input", 11),
                Arguments.of("select * from t limit 1 offset", "syntax error at end of input", 31),
                Arguments.of("select * from (select 1)", "subquery in FROM must have an alias", 15),
                Arguments.of("with x as select 1 select * from x", "syntax error at or near \"select\"", 11),
                Arguments.of("begin transaction isolation level foo", "syntax error at or near \"foo\"", 35),
                Arguments.of("set", "syntax error at end of input", 4),
                Arguments.of("show", "syntax error at end of input", 5),
                Arguments.of("select * from t join u", "syntax error at end of input", 23),
                Arguments.of("select * from t left join u using a", "syntax error at or near \"a\"", 35),
                Arguments.of("select * from t where a in ()", "syntax error at or near \")\"", 29),
                Arguments.of("select f(a,) from t", "syntax error at or near \")\"", 12),
                Arguments.of("select ARRAY[1,2 from t", "syntax error at or near \"from\"", 18),
                Arguments.of("select 1 as from t", "syntax error at or near \"t\"", 18),
                Arguments.of("grant select on t", "syntax error at end of input", 18),
                Arguments.of("copy t from", "syntax error at end of input", 12),
                Arguments.of("values", "syntax error at end of input", 7),
                Arguments.of("create index i on t ()", "syntax error at or near \")\"", 22),
                Arguments.of("delete from t where a = ", "syntax error at end of input", 25),
                Arguments.of("select 'a' || from t", "syntax error at or near \"from\"", 15),
                Arguments.of("select * from t where a between 1", "syntax error at end of input", 34),
                Arguments.of("select * from t t where t.", "syntax error at end of input", 27),
                Arguments.of("select 1 2 3", "syntax error at or near \"2\"", 10),
                Arguments.of("create user", "syntax error at end of input", 12),
                Arguments.of("select * from t for update of", "syntax error at end of input", 30),
                Arguments.of("explain", "syntax error at end of input", 8),
                Arguments.of("select $", "syntax error at or near \"$\"", 8),
                Arguments.of("select a from t where b like", "syntax error at end of input", 29),
                Arguments.of("select E'\\u00zz'", "invalid Unicode escape", 10),
                Arguments.of("select U&'\\zz'", "invalid Unicode escape", 11)
        );
    }

    @ParameterizedTest
    @MethodSource("postgresErrors")
    void matchesPostgresMessageAndPosition(String sql, String message, int position) {
        assertThatThrownBy(() -> parser.parseStatements(sql))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(message);
                    org.assertj.core.api.Assertions.assertThat(e.position()).isEqualTo(position);
                });
    }
}
