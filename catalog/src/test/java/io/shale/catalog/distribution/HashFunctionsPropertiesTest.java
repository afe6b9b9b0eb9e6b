package io.shale.catalog.distribution;

import io.shale.common.types.SqlType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Identities the PostgreSQL hash functions keep across types (jqwik logs the seed of each run). */
class HashFunctionsPropertiesTest {
    @Property
    void int8InInt4RangeHashesAsInt4(@ForAll int v) {
        assertThat(HashFunctions.hashInt8(v)).isEqualTo(HashFunctions.hashInt4(v));
    }

    @Property
    void int2HashesAsInt4(@ForAll short v) {
        assertThat(HashFunctions.hash(SqlType.INT2, v)).isEqualTo(HashFunctions.hash(SqlType.INT4, (int) v));
    }

    @Property
    void bpcharIgnoresTrailingSpaces(@ForAll @StringLength(max = 40) String s, @ForAll @IntRange(max = 20) int pad) {
        assertThat(HashFunctions.hashBpchar(s + " ".repeat(pad))).isEqualTo(HashFunctions.hashBpchar(s));
        String stripped = s.stripTrailing().length() == s.length() ? s : s.replaceAll(" +$", "");
        assertThat(HashFunctions.hashBpchar(s)).isEqualTo(HashFunctions.hashText(stripped));
    }

    @Property
    void textHashesItsUtf8Bytes(@ForAll @StringLength(max = 60) String s) {
        assertThat(HashFunctions.hash(SqlType.TEXT, s))
                .isEqualTo(HashFunctions.hash(SqlType.BYTEA, s.getBytes(StandardCharsets.UTF_8)));
    }

    @Property
    void float4HashesAsItsFloat8Widening(@ForAll float v) {
        assertThat(HashFunctions.hash(SqlType.FLOAT4, v)).isEqualTo(HashFunctions.hash(SqlType.FLOAT8, (double) v));
    }

    @Property
    void numericIgnoresScaleAndSign(@ForAll long unscaled, @ForAll @IntRange(min = -20, max = 20) int scale,
                                    @ForAll @IntRange(max = 6) int extraZeros) {
        BigDecimal v = BigDecimal.valueOf(unscaled, scale);
        int h = HashFunctions.hash(SqlType.NUMERIC, v);
        assertThat(HashFunctions.hash(SqlType.NUMERIC, v.setScale(v.scale() + extraZeros))).isEqualTo(h);
        assertThat(HashFunctions.hash(SqlType.NUMERIC, v.negate())).isEqualTo(h);
    }

    @Property
    void dateHashesItsDayNumber(@ForAll @IntRange(min = -100000, max = 100000) int days) {
        LocalDate date = LocalDate.of(2000, 1, 1).plusDays(days);
        assertThat(HashFunctions.hash(SqlType.DATE, date)).isEqualTo(HashFunctions.hashInt4(days));
    }
}
