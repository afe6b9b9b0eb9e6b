package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.List;

import static io.shale.common.types.SqlType.FLOAT8;
import static io.shale.common.types.SqlType.INT2;
import static io.shale.common.types.SqlType.INT4;
import static io.shale.common.types.SqlType.INT8;
import static io.shale.common.types.SqlType.NUMERIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are PostgreSQL 15's output. */
@Timeout(10)
class ArithmeticTest {
    private final Calls calls = new Calls();

    private String num(String symbol, String a, String b) {
        return Calls.text(calls.binary(symbol, NUMERIC, NUMERIC, new BigDecimal(a), new BigDecimal(b)));
    }

    @Test
    void numericDivisionScale() {
        assertThat(num("/", "1", "3")).isEqualTo("0.33333333333333333333");
        assertThat(num("/", "10", "4")).isEqualTo("2.5000000000000000");
        assertThat(num("/", "2", "3")).isEqualTo("0.66666666666666666667");
        assertThat(num("/", "1000000", "7")).isEqualTo("142857.142857142857");
        assertThat(num("/", "0.001", "3")).isEqualTo("0.00033333333333333333");
        assertThat(num("/", "7.0", "0.01")).isEqualTo("700.0000000000000000");
        assertThat(num("%", "5", "-3")).isEqualTo("2");
    }

    @Test
    void integerArithmetic() {
        assertThat(calls.binary("/", INT4, INT4, -5, 2)).isEqualTo(-2);
        assertThat(calls.binary("%", INT4, INT4, -5, 3)).isEqualTo(-2);
        assertThat(calls.binary("+", INT8, INT8, 1L, 2L)).isEqualTo(3L);
        assertThat(calls.binary("&", INT2, INT2, (short) 3, (short) 1)).isEqualTo((short) 1);
        assertThat(calls.binary("<<", INT8, INT4, 1L, 40)).isEqualTo(1L << 40);
        assertThat(calls.prefix("-", INT4, 5)).isEqualTo(-5);
    }

    @Test
    void overflowAndDivisionByZero() {
        assertThatThrownBy(() -> calls.binary("+", INT4, INT4, Integer.MAX_VALUE, 1))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
                    assertThat(e.getMessage()).isEqualTo("integer out of range");
                });
        assertThatThrownBy(() -> calls.binary("*", INT8, INT8, Long.MAX_VALUE, 2L)).hasMessage("bigint out of range");
        assertThatThrownBy(() -> calls.binary("-", INT2, INT2, Short.MIN_VALUE, (short) 1))
                .hasMessage("smallint out of range");
        assertThatThrownBy(() -> calls.binary("/", INT4, INT4, Integer.MIN_VALUE, -1)).hasMessage("integer out of range");
        assertThatThrownBy(() -> calls.binary("/", INT4, INT4, 1, 0))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO);
                    assertThat(e.getMessage()).isEqualTo("division by zero");
                });
        assertThatThrownBy(() -> num("/", "1", "0")).hasMessage("division by zero");
        assertThatThrownBy(() -> calls.binary("/", FLOAT8, FLOAT8, 1.0, 0.0)).hasMessage("division by zero");
        assertThat(calls.binary("%", INT4, INT4, Integer.MIN_VALUE, -1)).isEqualTo(0);
    }

    @Test
    void rounding() {
        assertThat(Calls.text(calls.call("round", List.of(NUMERIC), new BigDecimal("2.5")))).isEqualTo("3");
        assertThat(Calls.text(calls.call("round", List.of(NUMERIC), new BigDecimal("-2.5")))).isEqualTo("-3");
        assertThat(calls.call("round", List.of(FLOAT8), 2.5)).isEqualTo(2.0);
        assertThat(calls.call("round", List.of(FLOAT8), 3.5)).isEqualTo(4.0);
        assertThat(Calls.text(calls.call("round", List.of(NUMERIC, INT4), new BigDecimal("1234.5678"), -2))).isEqualTo("1200");
        assertThat(Calls.text(calls.call("round", List.of(NUMERIC, INT4), new BigDecimal("1.005"), 2))).isEqualTo("1.01");
        assertThat(Calls.text(calls.call("trunc", List.of(NUMERIC), new BigDecimal("-1.7")))).isEqualTo("-1");
    }

    @Test
    void numericTranscendentalScales() {
        assertThat(Calls.text(calls.binary("^", NUMERIC, NUMERIC, new BigDecimal("2"), new BigDecimal("3"))))
                .isEqualTo("8.0000000000000000");
        assertThat(Calls.text(calls.binary("^", NUMERIC, NUMERIC, new BigDecimal("2"), new BigDecimal("0.5"))))
                .isEqualTo("1.4142135623730950");
        assertThat(Calls.text(calls.binary("^", NUMERIC, NUMERIC, new BigDecimal("1000"), new BigDecimal("0.5"))))
                .isEqualTo("31.622776601683793");
        assertThat(Calls.text(calls.call("exp", List.of(NUMERIC), BigDecimal.ONE))).isEqualTo("2.7182818284590452");
        assertThat(Calls.text(calls.call("ln", List.of(NUMERIC), BigDecimal.TEN))).isEqualTo("2.3025850929940457");
        assertThat(Calls.text(calls.call("log", List.of(NUMERIC), new BigDecimal("100")))).isEqualTo("2.0000000000000000");
        assertThat(Calls.text(calls.call("log", List.of(NUMERIC, NUMERIC), new BigDecimal("2"), new BigDecimal("8"))))
                .isEqualTo("3.0000000000000000");
        assertThat(Calls.text(calls.call("sqrt", List.of(NUMERIC), new BigDecimal("2")))).isEqualTo("1.414213562373095");
        assertThat(Calls.text(calls.binary("^", NUMERIC, NUMERIC, new BigDecimal("7"), new BigDecimal("-1"))))
                .isEqualTo("0.1428571428571429");
    }

    @Test
    void mathFunctions() {
        assertThat(calls.call("abs", List.of(SqlType.INT4), -3)).isEqualTo(3);
        assertThat(calls.call("mod", List.of(INT4, INT4), 7, 3)).isEqualTo(1);
        assertThat(Calls.text(calls.call("div", List.of(NUMERIC, NUMERIC), new BigDecimal("9"), new BigDecimal("4"))))
                .isEqualTo("2");
        assertThat(calls.call("gcd", List.of(INT4, INT4), 12, 18)).isEqualTo(6);
        assertThat(calls.call("lcm", List.of(INT8, INT8), 4L, 6L)).isEqualTo(12L);
        assertThat(calls.call("width_bucket", List.of(FLOAT8, FLOAT8, FLOAT8, INT4), 5.35, 0.024, 10.06, 5)).isEqualTo(3);
        assertThat(Calls.text(calls.call("factorial", List.of(INT8), 5L))).isEqualTo("120");
        assertThat(calls.call("scale", List.of(NUMERIC), new BigDecimal("1.500"))).isEqualTo(3);
        assertThat(calls.call("min_scale", List.of(NUMERIC), new BigDecimal("1.500"))).isEqualTo(1);
        assertThat(Calls.text(calls.call("trim_scale", List.of(NUMERIC), new BigDecimal("100.00")))).isEqualTo("100");
        assertThat(calls.call("power", List.of(FLOAT8, FLOAT8), 2.0, 10.0)).isEqualTo(1024.0);
        assertThatThrownBy(() -> calls.call("sqrt", List.of(FLOAT8), -1.0))
                .hasMessage("cannot take square root of a negative number");
        assertThatThrownBy(() -> calls.call("ln", List.of(FLOAT8), 0.0)).hasMessage("cannot take logarithm of zero");
    }

    @Test
    void floatText() {
        assertThat(Calls.text(1e20)).isEqualTo("1e+20");
        assertThat(Calls.text(1e15)).isEqualTo("1e+15");
        assertThat(Calls.text(123456789012345.0)).isEqualTo("123456789012345");
        assertThat(Calls.text(0.00001)).isEqualTo("1e-05");
        assertThat(Calls.text(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(Calls.text(1e6f)).isEqualTo("1e+06");
        assertThat(Calls.text(100000f)).isEqualTo("100000");
    }
}
