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
                Arguments.of("select 1 union", "syntax error at end of input", 15)
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
