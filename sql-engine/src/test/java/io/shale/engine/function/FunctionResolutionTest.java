package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class FunctionResolutionTest {
    private static final FunctionRegistry REGISTRY = Calls.FUNCTIONS;
    private static final SqlType INT4_ARRAY = SqlType.of(TypeOids.INT4_ARRAY);

    @Test
    void exactMatchWins() {
        Resolution r = REGISTRY.resolve("round", List.of(SqlType.NUMERIC, SqlType.INT4));
        assertThat(r.returnType()).isEqualTo(SqlType.NUMERIC);
        assertThat(r.argumentTypes()).containsExactly(SqlType.NUMERIC, SqlType.INT4);
        assertThat(r.definition().oid()).isEqualTo(1707);
    }

    @Test
    void integerArgumentIsCastToNumericForRoundWithScale() {
        Resolution r = REGISTRY.resolve("round", List.of(SqlType.INT4, SqlType.INT4));
        assertThat(r.argumentTypes()).containsExactly(SqlType.NUMERIC, SqlType.INT4);
    }

    @Test
    void unknownLiteralPrefersStringCategory() {
        Resolution r = REGISTRY.resolve("length", List.of(SqlType.UNKNOWN));
        assertThat(r.argumentTypes()).containsExactly(SqlType.TEXT);
        assertThat(r.returnType()).isEqualTo(SqlType.INT4);
    }

    @Test
    void unknownLiteralTakesPreferredTypeOfTheOnlyCategory() {
        assertThat(REGISTRY.resolve("round", List.of(SqlType.UNKNOWN)).argumentTypes()).containsExactly(SqlType.FLOAT8);
    }

    @Test
    void integerRoundGoesToNumericByExactnessThenPreference() {
        assertThat(REGISTRY.resolve("round", List.of(SqlType.INT4)).argumentTypes()).containsExactly(SqlType.FLOAT8);
        assertThat(REGISTRY.resolve("abs", List.of(SqlType.INT2)).returnType()).isEqualTo(SqlType.INT2);
    }

    @Test
    void setReturningGenerateSeries() {
        Resolution r = REGISTRY.resolve("generate_series", List.of(SqlType.INT4, SqlType.INT4));
        assertThat(r.returnType()).isEqualTo(SqlType.INT4);
        assertThat(r.definition().proretset()).isTrue();
        assertThat(r.outputColumnNames()).containsExactly("generate_series");
        Resolution big = REGISTRY.resolve("generate_series", List.of(SqlType.INT4, SqlType.INT8));
        assertThat(big.returnType()).isEqualTo(SqlType.INT8);
    }

    @Test
    void polymorphicArrayAndElement() {
        assertThat(REGISTRY.resolve("array_append", List.of(INT4_ARRAY, SqlType.INT4)).returnType()).isEqualTo(INT4_ARRAY);
        assertThat(REGISTRY.resolve("array_append", List.of(INT4_ARRAY, SqlType.UNKNOWN)).argumentTypes())
                .containsExactly(INT4_ARRAY, SqlType.INT4);
        assertThat(REGISTRY.resolve("unnest", List.of(INT4_ARRAY)).returnType()).isEqualTo(SqlType.INT4);
        assertThat(REGISTRY.resolve("array_agg", List.of(SqlType.TEXT)).returnType())
                .isEqualTo(SqlType.of(TypeOids.TEXT_ARRAY));
        assertThatThrownBy(() -> REGISTRY.resolve("array_append", List.of(INT4_ARRAY, SqlType.TEXT)))
                .hasMessage("function array_append(integer[], text) does not exist");
        Resolution widened = REGISTRY.resolve("array_append", List.of(INT4_ARRAY, SqlType.INT8));
        assertThat(widened.returnType()).isEqualTo(SqlType.of(TypeOids.INT8_ARRAY));
        assertThat(widened.argumentTypes()).containsExactly(SqlType.of(TypeOids.INT8_ARRAY), SqlType.INT8);
        Resolution lag = REGISTRY.resolve("lag", List.of(SqlType.NUMERIC, SqlType.INT4, SqlType.INT4));
        assertThat(lag.returnType()).isEqualTo(SqlType.NUMERIC);
        assertThat(lag.argumentTypes()).containsExactly(SqlType.NUMERIC, SqlType.INT4, SqlType.NUMERIC);
    }

    @Test
    void variadicSpreadsArguments() {
        Resolution r = REGISTRY.resolve("concat", List.of(SqlType.UNKNOWN, SqlType.INT4, SqlType.DATE));
        assertThat(r.argumentTypes()).containsExactly(SqlType.UNKNOWN, SqlType.INT4, SqlType.DATE);
        assertThat(r.definition().provariadic()).isEqualTo(TypeOids.ANY);
        Resolution path = REGISTRY.resolve("jsonb_extract_path", List.of(SqlType.JSONB, SqlType.UNKNOWN, SqlType.UNKNOWN));
        assertThat(path.argumentTypes()).containsExactly(SqlType.JSONB, SqlType.TEXT, SqlType.TEXT);
        assertThat(path.definition().proargtypes()).containsExactly((long) TypeOids.JSONB, (long) TypeOids.TEXT_ARRAY);
    }

    @Test
    void undefinedFunctionHasPostgresTextAndHint() {
        assertThatThrownBy(() -> REGISTRY.resolve("foo", List.of(SqlType.INT4, SqlType.TEXT)))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNDEFINED_FUNCTION);
                    assertThat(e.getMessage()).isEqualTo("function foo(integer, text) does not exist");
                    assertThat(e.hint()).isEqualTo("No function matches the given name and argument types. "
                            + "You might need to add explicit type casts.");
                });
        assertThatThrownBy(() -> REGISTRY.resolve("length", List.of(new SqlType(TypeOids.VARCHAR, 14), SqlType.INT4)))
                .hasMessage("function length(character varying(10), integer) does not exist");
    }

    @Test
    void ambiguousCallIsNotUnique() {
        assertThatThrownBy(() -> REGISTRY.resolve("to_char", List.of(SqlType.UNKNOWN, SqlType.UNKNOWN)))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AMBIGUOUS_FUNCTION);
                    assertThat(e.getMessage()).isEqualTo("function to_char(unknown, unknown) is not unique");
                    assertThat(e.hint()).isEqualTo("Could not choose a best candidate function. "
                            + "You might need to add explicit type casts.");
                });
    }

    @Test
    void knownTypeIsAssumedForUnknownArguments() {
        Resolution r = REGISTRY.resolve("date_trunc", List.of(SqlType.UNKNOWN, SqlType.TIMESTAMPTZ));
        assertThat(r.returnType()).isEqualTo(SqlType.TIMESTAMPTZ);
        Resolution extract = REGISTRY.resolve("extract", List.of(SqlType.TEXT, SqlType.DATE));
        assertThat(extract.returnType()).isEqualTo(SqlType.NUMERIC);
        assertThat(REGISTRY.resolve("date_part", List.of(SqlType.UNKNOWN, SqlType.TIMESTAMP)).returnType())
                .isEqualTo(SqlType.FLOAT8);
    }

    @Test
    void aggregatesAndWindowFunctionsAreListedWithTheirKind() {
        assertThat(REGISTRY.resolve("count", List.of()).definition().prokind()).isEqualTo('a');
        assertThat(REGISTRY.resolve("count", List.of(SqlType.TEXT)).returnType()).isEqualTo(SqlType.INT8);
        assertThat(REGISTRY.resolve("sum", List.of(SqlType.INT4)).returnType()).isEqualTo(SqlType.INT8);
        assertThat(REGISTRY.resolve("sum", List.of(SqlType.INT8)).returnType()).isEqualTo(SqlType.NUMERIC);
        assertThat(REGISTRY.resolve("avg", List.of(SqlType.INT4)).returnType()).isEqualTo(SqlType.NUMERIC);
        assertThat(REGISTRY.resolve("row_number", List.of()).definition().prokind()).isEqualTo('w');
        assertThat(REGISTRY.resolve("lag", List.of(SqlType.TEXT, SqlType.INT4)).returnType()).isEqualTo(SqlType.TEXT);
        assertThat(REGISTRY.resolve("max", List.of(SqlType.VARCHAR)).returnType()).isEqualTo(SqlType.TEXT);
    }

    @Test
    void oidsAreUnique() {
        assertThat(REGISTRY.all()).extracting(FunctionDefinition::oid).doesNotHaveDuplicates();
        assertThat(REGISTRY.byOid(1707)).isPresent();
        assertThat(REGISTRY.lookup("now")).singleElement().satisfies(d -> {
            assertThat(d.oid()).isEqualTo(1299);
            assertThat(d.volatility()).isEqualTo(Volatility.STABLE);
        });
    }
}
