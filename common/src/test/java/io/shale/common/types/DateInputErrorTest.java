package io.shale.common.types;

import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateInputErrorTest {
    private static Object date(String text) {
        return TextCodec.parse(SqlType.DATE, text, FormatSettings.defaults());
    }

    @Test
    void monthOrDayOutOfFieldRangeHintsAtDateStyle() {
        assertThatThrownBy(() -> date("2024-13-01")).isInstanceOfSatisfying(ShaleException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.getMessage())
                    .isEqualTo("date/time field value out of range: \"2024-13-01\"");
            org.assertj.core.api.Assertions.assertThat(e.hint()).isEqualTo("Perhaps you need a different \"datestyle\" setting.");
        });
        assertThatThrownBy(() -> date("2024-01-32")).isInstanceOfSatisfying(ShaleException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.hint()).isNotNull());
    }

    @Test
    void dayBeyondTheMonthHasNoHint() {
        assertThatThrownBy(() -> date("2024-02-30")).isInstanceOfSatisfying(ShaleException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.hint()).isNull());
    }
}
