package io.shale.engine.system;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** pg_size_pretty: negative sizes as PostgreSQL 15.18 prints them, and bigint and numeric agreeing. */
class SizePrettyTest {
    @Test
    void negativeSizesDivideTowardZero() {
        Map<Long, String> expected = Map.of(-10241L, "-10 kB", -10752L, "-11 kB", -10753L, "-11 kB",
                -11264L, "-11 kB", -15000L, "-15 kB", -20971521L, "-20 MB", -123456789L, "-118 MB");
        expected.forEach((size, text) -> {
            assertThat(SizeFunctions.pretty(size)).as("%d", size).isEqualTo(text);
            assertThat(SizeFunctions.pretty(BigDecimal.valueOf(size))).as("numeric %d", size).isEqualTo(text);
        });
    }

    @Property(tries = 2000)
    void bigintAndNumericFormsAgree(@ForAll @LongRange(min = -Long.MAX_VALUE) long size) {
        assertThat(SizeFunctions.pretty(size)).isEqualTo(SizeFunctions.pretty(BigDecimal.valueOf(size)));
    }
}
