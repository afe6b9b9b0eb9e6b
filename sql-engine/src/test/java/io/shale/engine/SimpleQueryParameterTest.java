package io.shale.engine;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A simple Query naming $n has no values for it: PostgreSQL's 42P02, even when no row is read. */
@Timeout(60)
class SimpleQueryParameterTest {
    @Test
    void parametersWithoutValuesAreAnError() {
        try (EngineFixture fixture = new EngineFixture(); SqlSession sql = fixture.session()) {
            sql.execute("CREATE TABLE p (id int, v int)");
            assertThatThrownBy(() -> sql.query("SELECT v FROM p WHERE id = $1"))
                    .isInstanceOf(ShaleException.class).hasMessage("there is no parameter $1")
                    .satisfies(e -> assertThat(((ShaleException) e).code()).isEqualTo(ErrorCode.UNDEFINED_PARAMETER));
            assertThatThrownBy(() -> sql.query("UPDATE p SET v = v + $1 WHERE id = $2"))
                    .hasMessage("there is no parameter $1");
        }
    }
}
