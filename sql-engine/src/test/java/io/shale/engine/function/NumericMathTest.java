package io.shale.engine.function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** numeric transcendental functions: digits and scales as PostgreSQL 15 prints them. */
@Timeout(10)
class NumericMathTest {

    private static String exp(String x) {
        BigDecimal v = new BigDecimal(x);
        return NumericMath.rounded(NumericMath.exp(v), NumericMath.estimatedWeight(v), NumericMath.displayScale(v))
                .toPlainString();
    }

    private static String ln(String x) {
        BigDecimal v = new BigDecimal(x);
        return NumericMath.rounded(NumericMath.ln(v), NumericMath.displayScale(v)).toPlainString();
    }

    @Test
    void expAndLn() {
        assertThat(exp("10")).isEqualTo("22026.465794806717");
        assertThat(exp("-10")).isEqualTo("0.00004539992976248485");
        assertThat(exp("1.50")).isEqualTo("4.4816890703380648");
        assertThat(ln("2")).isEqualTo("0.6931471805599453");
        assertThat(ln("0.001")).isEqualTo("-6.9077552789821371");
        assertThat(ln("123456789")).isEqualTo("18.631401766168018");
    }

    @Test
    void powerAndSqrt() {
        assertThat(NumericMath.power(new BigDecimal("2"), new BigDecimal("100")).toPlainString())
                .isEqualTo("1267650600228229401496703205376.0000000000000000");
        assertThat(NumericMath.power(new BigDecimal("0.5"), new BigDecimal("10")).toPlainString())
                .isEqualTo("0.0009765625000000");
        assertThat(NumericMath.power(new BigDecimal("1.5"), new BigDecimal("2.5")).toPlainString())
                .isEqualTo("2.7556759606310754");
        assertThat(NumericMath.sqrt(new BigDecimal("0.0001")).toPlainString()).isEqualTo("0.01000000000000000");
        assertThat(NumericMath.sqrt(new BigDecimal("100")).toPlainString()).isEqualTo("10.000000000000000");
    }
}
