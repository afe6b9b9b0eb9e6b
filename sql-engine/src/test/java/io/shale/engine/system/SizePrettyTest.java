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

    @Test
    void matchesPostgresAtUnitBoundaries() {
        long[] sizes = {0, 1, -1, 10239, 10240, -10240, 10485247, 10485248, 10737418239L, 10737418240L,
            1099511627775L, 1099511627776L, 10995116277760L, 1125899906842623L, 1125899906842624L,
            -1125899906842624L, Long.MAX_VALUE, Long.MIN_VALUE, 20971519, 20971520, 1536, 15360, 10752};
        String postgres = "0 bytes,1 bytes,-1 bytes,10239 bytes,10 kB,-10 kB,10239 kB,10 MB,10 GB,10 GB,1024 GB,"
                + "1024 GB,10 TB,1024 TB,1024 TB,-1024 TB,8192 PB,-8192 PB,20 MB,20 MB,1536 bytes,15 kB,11 kB";
        StringBuilder ours = new StringBuilder();
        for (long size : sizes) {
            ours.append(ours.isEmpty() ? "" : ",").append(SizeFunctions.pretty(size));
        }
        assertThat(ours.toString()).isEqualTo(postgres);
        String[] numeric = {"0", "1.5", "-1.5", "10239.5", "10240", "10485247.9", "10485248", "1125899906842624.5",
            "99999999999999999999999999", "-10240.4", "10751.9", "10752.1"};
        String numericPostgres = "0 bytes,1.5 bytes,-1.5 bytes,10239.5 bytes,10 kB,10239 kB,10 MB,1024 TB,"
                + "88817841970 PB,-10 kB,10 kB,11 kB";
        StringBuilder oursNumeric = new StringBuilder();
        for (String size : numeric) {
            oursNumeric.append(oursNumeric.isEmpty() ? "" : ",").append(SizeFunctions.pretty(new BigDecimal(size)));
        }
        assertThat(oursNumeric.toString()).isEqualTo(numericPostgres);
    }

    @Property(tries = 2000)
    void bigintAndNumericFormsAgree(@ForAll @LongRange(min = -Long.MAX_VALUE) long size) {
        assertThat(SizeFunctions.pretty(size)).isEqualTo(SizeFunctions.pretty(BigDecimal.valueOf(size)));
    }
}
