package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class OperatorResolutionTest {
    private static final OperatorRegistry OPERATORS = Calls.OPERATORS;

    private static SqlType result(String symbol, SqlType left, SqlType right) {
        return OPERATORS.resolveBinary(symbol, left, right).returnType();
    }

    @Test
    void arithmeticResultTypes() {
        assertThat(result("+", SqlType.INT4, SqlType.INT8)).isEqualTo(SqlType.INT8);
        assertThat(result("+", SqlType.INT4, SqlType.NUMERIC)).isEqualTo(SqlType.NUMERIC);
        assertThat(result("+", SqlType.INT2, SqlType.INT4)).isEqualTo(SqlType.INT4);
        assertThat(result("^", SqlType.INT4, SqlType.INT4)).isEqualTo(SqlType.FLOAT8);
        assertThat(result("+", SqlType.FLOAT4, SqlType.INT4)).isEqualTo(SqlType.FLOAT8);
        assertThat(result("+", SqlType.UNKNOWN, SqlType.INT4)).isEqualTo(SqlType.INT4);
        assertThat(result("&", SqlType.INT2, SqlType.INT2)).isEqualTo(SqlType.INT2);
    }

    @Test
    void unknownOperandTakesTheKnownSideType() {
        OperatorResolution r = OPERATORS.resolveBinary("=", SqlType.UNKNOWN, SqlType.INT4);
        assertThat(r.leftType()).isEqualTo(SqlType.INT4);
        assertThat(r.rightType()).isEqualTo(SqlType.INT4);
        assertThat(r.operator().oid()).isEqualTo(96);
        OperatorResolution texts = OPERATORS.resolveBinary("=", SqlType.UNKNOWN, SqlType.UNKNOWN);
        assertThat(texts.leftType()).isEqualTo(SqlType.TEXT);
        assertThat(OPERATORS.resolveBinary("!=", SqlType.INT8, SqlType.INT8).symbol()).isEqualTo("<>");
    }

    @Test
    void dateTimeArithmetic() {
        assertThat(result("+", SqlType.DATE, SqlType.INTERVAL)).isEqualTo(SqlType.TIMESTAMP);
        assertThat(result("+", SqlType.DATE, SqlType.INT4)).isEqualTo(SqlType.DATE);
        assertThat(result("-", SqlType.DATE, SqlType.DATE)).isEqualTo(SqlType.INT4);
        assertThat(result("-", SqlType.TIMESTAMPTZ, SqlType.TIMESTAMPTZ)).isEqualTo(SqlType.INTERVAL);
        assertThat(result("+", SqlType.TIMESTAMPTZ, SqlType.UNKNOWN)).isEqualTo(SqlType.TIMESTAMPTZ);
        assertThat(result("<", SqlType.DATE, SqlType.TIMESTAMP)).isEqualTo(SqlType.BOOL);
        assertThat(OPERATORS.resolveBinary("<", SqlType.DATE, SqlType.TIMESTAMP).leftType()).isEqualTo(SqlType.TIMESTAMP);
    }

    @Test
    void concatenation() {
        OperatorResolution r = OPERATORS.resolveBinary("||", SqlType.TEXT, SqlType.INT4);
        assertThat(r.returnType()).isEqualTo(SqlType.TEXT);
        assertThat(OPERATORS.resolveBinary("||", SqlType.UNKNOWN, SqlType.INT4).returnType()).isEqualTo(SqlType.TEXT);
        assertThat(result("||", SqlType.UNKNOWN, SqlType.UNKNOWN)).isEqualTo(SqlType.TEXT);
        SqlType ints = SqlType.of(TypeOids.INT4_ARRAY);
        assertThat(result("||", ints, SqlType.INT4)).isEqualTo(ints);
        assertThat(result("||", SqlType.INT4, ints)).isEqualTo(ints);
        assertThat(result("||", ints, ints)).isEqualTo(ints);
        assertThat(result("||", ints, SqlType.INT8)).isEqualTo(SqlType.of(TypeOids.INT8_ARRAY));
        assertThat(result("||", ints, SqlType.UNKNOWN)).isEqualTo(ints);
        assertThat(result("||", SqlType.JSONB, SqlType.JSONB)).isEqualTo(SqlType.JSONB);
        assertThat(result("||", SqlType.VARCHAR, SqlType.VARCHAR)).isEqualTo(SqlType.TEXT);
    }

    @Test
    void patternAndJsonOperators() {
        assertThat(result("~~", SqlType.VARCHAR, SqlType.UNKNOWN)).isEqualTo(SqlType.BOOL);
        assertThat(result("~", SqlType.NAME, SqlType.UNKNOWN)).isEqualTo(SqlType.BOOL);
        assertThat(result("->>", SqlType.JSONB, SqlType.UNKNOWN)).isEqualTo(SqlType.TEXT);
        assertThat(result("->", SqlType.JSONB, SqlType.INT4)).isEqualTo(SqlType.JSONB);
        assertThat(result("@>", SqlType.of(TypeOids.TEXT_ARRAY), SqlType.UNKNOWN)).isEqualTo(SqlType.BOOL);
        assertThat(result("=", SqlType.of(TypeOids.TEXT_ARRAY), SqlType.of(TypeOids.TEXT_ARRAY))).isEqualTo(SqlType.BOOL);
        assertThat(result("=", SqlType.of(TypeOids.REGCLASS), SqlType.OID)).isEqualTo(SqlType.BOOL);
    }

    @Test
    void scalarArrayOperators() {
        OperatorResolution r = OPERATORS.resolveScalarArray("=", SqlType.INT8, SqlType.of(TypeOids.INT4_ARRAY));
        assertThat(r.leftType()).isEqualTo(SqlType.INT8);
        assertThat(r.rightType()).isEqualTo(SqlType.INT8);
        assertThat(OPERATORS.resolveScalarArray("=", SqlType.TEXT, SqlType.UNKNOWN).rightType()).isEqualTo(SqlType.TEXT);
        assertThatThrownBy(() -> OPERATORS.resolveScalarArray("=", SqlType.INT4, SqlType.INT4))
                .hasMessage("op ANY/ALL (array) requires array on right side");
        assertThatThrownBy(() -> OPERATORS.resolveScalarArray("+", SqlType.INT4, SqlType.of(TypeOids.INT4_ARRAY)))
                .hasMessage("op ANY/ALL (array) requires operator to yield boolean");
    }

    @Test
    void prefixOperators() {
        assertThat(OPERATORS.resolvePrefix("-", SqlType.INT4).returnType()).isEqualTo(SqlType.INT4);
        assertThatThrownBy(() -> OPERATORS.resolvePrefix("-", SqlType.UNKNOWN))
                .hasMessage("operator is not unique: - unknown");
        assertThat(OPERATORS.resolvePrefix("|/", SqlType.INT4).returnType()).isEqualTo(SqlType.FLOAT8);
    }

    @Test
    void missingOperatorHasPostgresText() {
        assertThatThrownBy(() -> OPERATORS.resolveBinary("+", SqlType.INT4, SqlType.TEXT))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNDEFINED_FUNCTION);
                    assertThat(e.getMessage()).isEqualTo("operator does not exist: integer + text");
                    assertThat(e.hint()).isEqualTo("No operator matches the given name and argument types. "
                            + "You might need to add explicit type casts.");
                });
        assertThatThrownBy(() -> OPERATORS.resolvePrefix("-", SqlType.TEXT))
                .hasMessage("operator does not exist: - text");
    }

    @Test
    void operatorFunctionsCarryPostgresNames() {
        OperatorResolution r = OPERATORS.resolveBinary("+", SqlType.INT4, SqlType.INT4);
        assertThat(r.function().name()).isEqualTo("int4pl");
        assertThat(r.function().oid()).isEqualTo(177);
        assertThat(OPERATORS.functions()).extracting(FunctionDefinition::oid).doesNotHaveDuplicates();
    }
}
