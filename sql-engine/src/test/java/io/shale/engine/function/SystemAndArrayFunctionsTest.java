package io.shale.engine.function;

import io.shale.common.types.ArrayValue;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.UUID;

import static io.shale.common.types.SqlType.INT4;
import static io.shale.common.types.SqlType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class SystemAndArrayFunctionsTest {
    private static final SqlType INTS = SqlType.of(TypeOids.INT4_ARRAY);
    private static final SqlType REGCLASS = SqlType.of(TypeOids.REGCLASS);
    private final Calls calls = new Calls();

    @Test
    void versionAndSettings() {
        calls.context.settings.put("server_version", "15.18");
        assertThat(calls.call("version", List.of())).isEqualTo("PostgreSQL 15.18" + SystemFunctions.VERSION_SUFFIX);
        calls.context.settings.put("shale.version_string", "PostgreSQL 15.13 (Shale 9)");
        assertThat(calls.call("version", List.of())).isEqualTo("PostgreSQL 15.13 (Shale 9)");
        assertThat(calls.call("set_config", List.of(TEXT, TEXT, SqlType.BOOL), "work_mem", "64MB", false)).isEqualTo("64MB");
        assertThat(calls.call("current_setting", List.of(TEXT), "work_mem")).isEqualTo("64MB");
        assertThat(calls.call("current_setting", List.of(TEXT, SqlType.BOOL), "nope", true)).isNull();
        assertThat(calls.call("current_user", List.of())).isEqualTo("alice");
        assertThat(Calls.text(calls.call("current_schemas", List.of(SqlType.BOOL), true))).isEqualTo("{pg_catalog,public}");
    }

    @Test
    void encodingAndTypeOf() {
        assertThat(calls.call("pg_encoding_to_char", List.of(INT4), 6)).isEqualTo("UTF8");
        assertThat(calls.call("pg_typeof", List.of(SqlType.UNKNOWN), "x")).isEqualTo((long) TypeOids.UNKNOWN);
        assertThat(calls.call("pg_typeof", List.of(SqlType.NUMERIC), (Object) null)).isEqualTo((long) TypeOids.NUMERIC);
    }

    @Test
    void sequencesTakeRegclassOids() {
        assertThat(calls.call("nextval", List.of(REGCLASS), 16400L)).isEqualTo(1L);
        assertThat(calls.call("nextval", List.of(REGCLASS), 16400L)).isEqualTo(2L);
        assertThat(calls.call("currval", List.of(REGCLASS), 16400L)).isEqualTo(2L);
        assertThat(calls.call("setval", List.of(REGCLASS, SqlType.INT8), 16400L, 10L)).isEqualTo(10L);
        assertThat(calls.call("lastval", List.of())).isEqualTo(10L);
        assertThat(Calls.FUNCTIONS.resolve("nextval", List.of(SqlType.OID)).argumentTypes()).containsExactly(REGCLASS);
    }

    @Test
    void sleepStopsWhenCancelled() {
        calls.context.cancelled = true;
        assertThatThrownBy(() -> calls.call("pg_sleep", List.of(SqlType.FLOAT8), 30.0))
                .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_CANCELED));
        calls.context.cancelled = false;
        long start = System.nanoTime();
        calls.call("pg_sleep", List.of(SqlType.FLOAT8), 0.02);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(20_000_000L);
    }

    @Test
    void miscellaneous() {
        Object uuid = calls.call("gen_random_uuid", List.of());
        assertThat(((UUID) uuid).version()).isEqualTo(4);
        assertThat(calls.call("num_nulls", List.of(INT4, TEXT, INT4), 1, null, null)).isEqualTo(2);
        assertThat(calls.call("num_nonnulls", List.of(INT4, TEXT), 1, null)).isEqualTo(1);
        assertThat(SpecialForms.greatest().apply(calls.context, new Object[] {3, null, 7, 5})).isEqualTo(7);
        assertThat(SpecialForms.least().apply(calls.context, new Object[] {"b", "a", null})).isEqualTo("a");
    }

    @Test
    void arrayFunctions() {
        ArrayValue a = Calls.array(TypeOids.INT4, 1, 2, 3, 2);
        assertThat(calls.call("array_length", List.of(INTS, INT4), a, 1)).isEqualTo(4);
        assertThat(calls.call("array_length", List.of(INTS, INT4), a, 2)).isNull();
        assertThat(calls.call("array_upper", List.of(INTS, INT4), a, 1)).isEqualTo(4);
        assertThat(calls.call("array_dims", List.of(INTS), a)).isEqualTo("[1:4]");
        assertThat(calls.call("cardinality", List.of(INTS), a)).isEqualTo(4);
        assertThat(calls.call("array_position", List.of(INTS, INT4), a, 2)).isEqualTo(2);
        assertThat(Calls.text(calls.call("array_positions", List.of(INTS, INT4), a, 2))).isEqualTo("{2,4}");
        assertThat(Calls.text(calls.call("array_remove", List.of(INTS, INT4), a, 2))).isEqualTo("{1,3}");
        assertThat(Calls.text(calls.call("array_replace", List.of(INTS, INT4, INT4), a, 2, 9))).isEqualTo("{1,9,3,9}");
        assertThat(Calls.text(calls.call("array_append", List.of(INTS, INT4), a, 5))).isEqualTo("{1,2,3,2,5}");
        assertThat(Calls.text(calls.call("array_prepend", List.of(INT4, INTS), 0, a))).isEqualTo("{0,1,2,3,2}");
        assertThat(Calls.text(calls.call("array_cat", List.of(INTS, INTS), a, Calls.array(23, 7)))).isEqualTo("{1,2,3,2,7}");
        assertThat(Calls.text(calls.call("array_fill", List.of(INT4, INTS), 7, Calls.array(23, 2, 2))))
                .isEqualTo("{{7,7},{7,7}}");
        assertThat(calls.binary("@>", INTS, INTS, a, Calls.array(23, 3, 1))).isEqualTo(true);
        assertThat(calls.binary("&&", INTS, INTS, a, Calls.array(23, 8, 9))).isEqualTo(false);
        assertThat(calls.binary("=", INTS, INTS, a, Calls.array(23, 1, 2, 3, 2))).isEqualTo(true);
        assertThat(calls.binary("<", INTS, INTS, Calls.array(23, 1, 2), a)).isEqualTo(true);
        assertThat(Calls.text(calls.binary("||", INTS, INTS, a, Calls.array(23, 5)))).isEqualTo("{1,2,3,2,5}");
    }
}
