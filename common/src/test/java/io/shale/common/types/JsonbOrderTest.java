package io.shale.common.types;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonbOrderTest {
    @Test
    void emptyTopLevelArraySortsFirst() {
        assertThat(Jsonb.parse("[]").compareTo(Jsonb.parse("null"))).isNegative();
        assertThat(Jsonb.parse("null").compareTo(Jsonb.parse("[]"))).isPositive();
        assertThat(Jsonb.parse("[]").compareTo(Jsonb.parse("[]"))).isZero();
        assertThat(Jsonb.parse("[1]").compareTo(Jsonb.parse("[0, 0]"))).isNegative();
        assertThat(Jsonb.parse("{\"a\": 1}").compareTo(Jsonb.parse("[1, 2, 3]"))).isPositive();
    }

    @Test
    void typeOfValuesWithoutContext() {
        assertThat(Values.typeOf(Interval.ZERO)).isEqualTo(SqlType.INTERVAL);
        assertThat(Values.typeOf(ArrayValue.of(TypeOids.INT4, 1, 2)).oid()).isEqualTo(TypeOids.INT4_ARRAY);
        assertThat(TypeNames.format(SqlType.of(TypeOids.ANY))).isEqualTo("\"any\"");
    }
}
