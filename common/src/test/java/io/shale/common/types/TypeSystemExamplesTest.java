package io.shale.common.types;

import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Examples of the public API, with messages and results as PostgreSQL 15 gives them. */
@Timeout(10)
class TypeSystemExamplesTest {
    private static final FormatSettings S = FormatSettings.defaults();

    private static void assertError(Runnable r, String sqlState, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ShaleException.class, e -> {
            assertThat(e.code().sqlState()).isEqualTo(sqlState);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void inputErrorsUsePostgresWording() {
        assertError(() -> TextCodec.parse(SqlType.INT4, "99999999999", S), "22003",
                "value \"99999999999\" is out of range for type integer");
        assertError(() -> TextCodec.parse(SqlType.INT4, "abc", S), "22P02",
                "invalid input syntax for type integer: \"abc\"");
        assertError(() -> TextCodec.parse(SqlType.DATE, "x", S), "22007",
                "invalid input syntax for type date: \"x\"");
        assertError(() -> TextCodec.parse(SqlType.JSON, "{", S), "22P02", "invalid input syntax for type json");
        assertError(() -> TextCodec.parse(SqlType.of(600), "(1,2)", S), "0A000",
                "text input of type point is not supported");
    }

    @Test
    void castErrorsAndLengthRules() {
        SqlType varchar3 = TypeNames.resolve("varchar", List.of(3), 0);
        assertError(() -> Casts.cast("abcd", SqlType.TEXT, varchar3, S, CastContext.ASSIGNMENT), "22001",
                "value too long for type character varying(3)");
        assertThat(Casts.cast("abcd", SqlType.TEXT, varchar3, S)).isEqualTo("abc");
        assertThat(Casts.cast("abc   ", SqlType.TEXT, varchar3, S, CastContext.ASSIGNMENT)).isEqualTo("abc");
        assertError(() -> Casts.cast(3_000_000_000L, SqlType.INT8, SqlType.INT4, S), "22003", "integer out of range");
        assertError(() -> Casts.cast(40000, SqlType.INT4, SqlType.INT2, S), "22003", "smallint out of range");
        assertThatThrownBy(() -> Casts.cast(new BigDecimal("1234.5"), SqlType.NUMERIC,
                TypeNames.resolve("numeric", List.of(5, 2), 0), S))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("numeric field overflow");
                    assertThat(e.detail()).isEqualTo(
                            "A field with precision 5, scale 2 must round to an absolute value less than 10^3.");
                });
        assertThat(Casts.cast(new BigDecimal("2.5"), SqlType.NUMERIC, SqlType.INT4, S)).isEqualTo(3);
        assertThat(Casts.cast(2.5, SqlType.FLOAT8, SqlType.INT4, S)).isEqualTo(2);
        assertError(() -> Casts.cast(LocalDate.EPOCH, SqlType.DATE, SqlType.INT4, S), "42846",
                "cannot cast type date to integer");
    }

    @Test
    void castContextsFollowPgCast() {
        assertThat(Casts.castContext(TypeOids.INT2, TypeOids.INT4)).isEqualTo(CastContext.IMPLICIT);
        assertThat(Casts.castContext(TypeOids.INT4, TypeOids.INT8)).isEqualTo(CastContext.IMPLICIT);
        assertThat(Casts.castContext(TypeOids.INT8, TypeOids.NUMERIC)).isEqualTo(CastContext.IMPLICIT);
        assertThat(Casts.castContext(TypeOids.NUMERIC, TypeOids.FLOAT8)).isEqualTo(CastContext.IMPLICIT);
        assertThat(Casts.castContext(TypeOids.FLOAT8, TypeOids.INT4)).isEqualTo(CastContext.ASSIGNMENT);
        assertThat(Casts.castContext(TypeOids.TEXT, TypeOids.VARCHAR)).isEqualTo(CastContext.IMPLICIT);
        assertThat(Casts.castContext(TypeOids.VARCHAR, TypeOids.TEXT)).isEqualTo(CastContext.IMPLICIT);
        assertThat(Casts.castContext(TypeOids.UNKNOWN, TypeOids.JSONB)).isEqualTo(CastContext.IMPLICIT);
        assertThat(Casts.castContext(TypeOids.INT4, TypeOids.TEXT)).isEqualTo(CastContext.ASSIGNMENT);
        assertThat(Casts.castContext(TypeOids.TEXT, TypeOids.INT4)).isEqualTo(CastContext.EXPLICIT);
        assertThat(Casts.castContext(TypeOids.INT4, TypeOids.BOOL)).isEqualTo(CastContext.EXPLICIT);
        assertThat(Casts.castContext(TypeOids.INT4_ARRAY, TypeOids.INT8_ARRAY)).isEqualTo(CastContext.IMPLICIT);
        assertThat(Casts.castContext(TypeOids.DATE, TypeOids.TIMESTAMPTZ)).isEqualTo(CastContext.IMPLICIT);
        assertThat(Casts.castContext(TypeOids.DATE, TypeOids.INT4)).isEqualTo(CastContext.NONE);
        assertThat(Casts.castContext(16500, TypeOids.TEXT)).isEqualTo(CastContext.ASSIGNMENT);
        assertThat(CastContext.IMPLICIT.allows(CastContext.ASSIGNMENT)).isTrue();
        assertThat(CastContext.EXPLICIT.allows(CastContext.ASSIGNMENT)).isFalse();
    }

    @Test
    void typeNamesAsFormatType() {
        assertThat(TypeNames.format(SqlType.INT4)).isEqualTo("integer");
        assertThat(TypeNames.format(new SqlType(TypeOids.VARCHAR, 24))).isEqualTo("character varying(20)");
        assertThat(TypeNames.format(new SqlType(TypeOids.NUMERIC, ((10 << 16) | 2) + 4))).isEqualTo("numeric(10,2)");
        assertThat(TypeNames.format(new SqlType(TypeOids.TIMESTAMP, 3))).isEqualTo("timestamp(3) without time zone");
        assertThat(TypeNames.format(SqlType.TIMESTAMPTZ)).isEqualTo("timestamp with time zone");
        assertThat(TypeNames.format(SqlType.of(TypeOids.TEXT_ARRAY))).isEqualTo("text[]");
        assertThat(TypeNames.format(new SqlType(TypeOids.VARCHAR_ARRAY, 24))).isEqualTo("character varying(20)[]");
        assertThat(TypeNames.format(SqlType.CHAR)).isEqualTo("\"char\"");
        assertThat(TypeNames.format(new SqlType(TypeOids.BPCHAR, 5))).isEqualTo("character(1)");
        assertThat(TypeNames.format(new SqlType(TypeOids.TIMETZ, 2))).isEqualTo("time(2) with time zone");
        assertThat(TypeNames.format(SqlType.of(99999))).isEqualTo("???");
        assertThat(TypeNames.format(SqlType.INT2VECTOR)).isEqualTo("int2vector");
        assertThat(TypeNames.format(SqlType.of(2287))).isEqualTo("record[]");
        assertThat(TypeNames.format(SqlType.of(TypeOids.BIT))).isEqualTo("\"bit\"");
        for (TypeInfo t : BuiltinTypes.all()) {
            assertThat(TypeNames.format(SqlType.of(t.oid()))).as(t.name()).doesNotContain("???");
        }
        assertThat(TypeNames.format(SqlType.of(TypeOids.ANYELEMENT))).isEqualTo("anyelement");
        assertThat(TypeNames.format(SqlType.of(TypeOids.INT4_ARRAY))).isEqualTo("integer[]");
    }

    @Test
    void typeNamesResolve() {
        assertThat(TypeNames.resolve("integer", List.of(), 0)).isEqualTo(SqlType.INT4);
        assertThat(TypeNames.resolve("character varying", List.of(20), 0)).isEqualTo(new SqlType(TypeOids.VARCHAR, 24));
        assertThat(TypeNames.resolve("numeric", List.of(10, 2), 0)).isEqualTo(new SqlType(TypeOids.NUMERIC, 655366));
        assertThat(TypeNames.resolve("timestamp", List.of(3), 0)).isEqualTo(new SqlType(TypeOids.TIMESTAMP, 3));
        assertThat(TypeNames.resolve("char", List.of(), 0)).isEqualTo(new SqlType(TypeOids.BPCHAR, 5));
        assertThat(TypeNames.resolve("\"char\"", List.of(), 0)).isEqualTo(SqlType.CHAR);
        assertThat(TypeNames.resolve("double precision", List.of(), 1)).isEqualTo(SqlType.of(TypeOids.FLOAT8_ARRAY));
        assertThat(TypeNames.resolve("pg_catalog.int8", List.of(), 0)).isEqualTo(SqlType.INT8);
        assertThat(TypeNames.resolve("interval", List.of(2), 0).typmod()).isEqualTo(2147418114);
        assertThat(TypeNames.resolve("float", List.of(24), 0)).isEqualTo(SqlType.FLOAT4);
        assertThat(TypeNames.resolve("float", List.of(25), 0)).isEqualTo(SqlType.FLOAT8);
        assertThat(TypeNames.resolve("float", List.of(), 0)).isEqualTo(SqlType.FLOAT8);
        assertError(() -> TypeNames.resolve("nosuch", List.of(), 0), "42704", "type \"nosuch\" does not exist");
    }

    @Test
    void builtinTypesServePgType() {
        assertThat(BuiltinTypes.all()).hasSizeGreaterThan(150);
        TypeInfo text = BuiltinTypes.byName("text");
        assertThat(text.oid()).isEqualTo(TypeOids.TEXT);
        assertThat(text.collation()).isEqualTo(100);
        assertThat(text.arrayOid()).isEqualTo(TypeOids.TEXT_ARRAY);
        assertThat(text.category()).isEqualTo(TypeCategory.STRING);
        assertThat(text.preferred()).isTrue();
        assertThat(BuiltinTypes.byName("Integer").oid()).isEqualTo(TypeOids.INT4);
        assertThat(BuiltinTypes.byName("timestamp with time zone").oid()).isEqualTo(TypeOids.TIMESTAMPTZ);
        assertThat(BuiltinTypes.byOid(TypeOids.INT4).input()).isEqualTo("int4in");
        assertThat(BuiltinTypes.byOid(TypeOids.ANYELEMENT).kind()).isEqualTo('p');
        assertThat(BuiltinTypes.elementOf(TypeOids.OIDVECTOR)).isEqualTo(TypeOids.OID);
        assertThat(TypeCategory.of(TypeOids.FLOAT8)).isEqualTo(TypeCategory.NUMERIC);
        assertThat(TypeCategory.preferred(TypeOids.FLOAT8)).isTrue();
        assertThat(TypeCategory.of(16400)).isEqualTo(TypeCategory.ENUM);
        for (java.lang.reflect.Field f : TypeOids.class.getFields()) {
            try {
                int oid = f.getInt(null);
                assertThat(BuiltinTypes.byOid(oid)).as(f.getName()).isNotNull();
                TypeInfo t = BuiltinTypes.byOid(oid);
                if (t.kind() == 'b' && t.arrayOid() != 0) {
                    assertThat(BuiltinTypes.byOid(t.arrayOid())).as(f.getName() + "[]").isNotNull();
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void valuesCompareHashAndEqualAsSql() {
        assertThat(Values.equal(SqlType.NUMERIC, new BigDecimal("1.0"), new BigDecimal("1.00"))).isTrue();
        assertThat(Values.hash(SqlType.NUMERIC, new BigDecimal("1.0"))).isEqualTo(Values.hash(SqlType.NUMERIC, BigDecimal.ONE));
        assertThat(Values.compare(SqlType.BPCHAR, "a  ", "a")).isZero();
        assertThat(Values.compare(SqlType.FLOAT8, Double.NaN, Double.POSITIVE_INFINITY)).isPositive();
        assertThat(Values.equal(SqlType.FLOAT8, -0.0, 0.0)).isTrue();
        assertThat(Values.compare(SqlType.TEXT, "\uFFFD", "\uD83D\uDE00")).isNegative();
        assertThat(Values.equal(SqlType.INTERVAL, new Interval(1, 0, 0), new Interval(0, 30, 0))).isTrue();
        assertThat(Values.compare(SqlType.TIMETZ, TextCodec.parse(SqlType.TIMETZ, "12:00+01", S),
                TextCodec.parse(SqlType.TIMETZ, "11:00+00", S))).isNegative();
        assertThat(Values.compare(SqlType.of(TypeOids.INT4_ARRAY), ArrayValue.of(TypeOids.INT4, 1, null),
                ArrayValue.of(TypeOids.INT4, 1, 2))).isPositive();
    }

    @Test
    void keyEncodingOfStringsIsPrefixFree() {
        byte[] a = CodecPropertiesTest.key(SqlType.TEXT, "a", false, false);
        byte[] aNul = CodecPropertiesTest.key(SqlType.TEXT, "a\u0000", false, false);
        byte[] ab = CodecPropertiesTest.key(SqlType.TEXT, "ab", false, false);
        assertThat(Arrays.compareUnsigned(a, aNul)).isNegative();
        assertThat(Arrays.compareUnsigned(aNul, ab)).isNegative();
        assertThat(CodecPropertiesTest.key(SqlType.NUMERIC, new BigDecimal("1.0"), true, false))
                .isEqualTo(CodecPropertiesTest.key(SqlType.NUMERIC, new BigDecimal("1.00"), true, false));
        assertThat(KeyCodec.encodeKey(7, new SqlType[] {SqlType.INT4}, new Object[] {1})).startsWith(KeyCodec.prefix(7));
        ByteSink enumKey = new ByteSink();
        KeyCodec.encode(enumKey, SqlType.of(16500), 3, false, false);
        assertThat(KeyCodec.decode(new KeyReader(enumKey.toByteArray()), SqlType.of(16500), false, false)).isEqualTo(3);
    }

    @Test
    void jsonbAccessors() {
        Jsonb j = Jsonb.parse("{\"a\": {\"b\": [1, 2, 3]}, \"s\": \"x\", \"n\": null}");
        assertThat(j.path(List.of("a", "b", "1")).toString()).isEqualTo("2");
        assertThat(j.field("s").asText()).isEqualTo("x");
        assertThat(j.field("s").toString()).isEqualTo("\"x\"");
        assertThat(j.field("n").asText()).isNull();
        assertThat(j.field("missing")).isNull();
        assertThat(j.field("a").field("b").element(-1).toString()).isEqualTo("3");
        assertThat(j.contains(Jsonb.parse("{\"a\": {\"b\": [3]}}"))).isTrue();
        assertThat(Jsonb.parse("[1,2,[3]]").contains(Jsonb.parse("[3]"))).isFalse();
        assertThat(Jsonb.parse("[1,2,[3]]").contains(Jsonb.parse("[[3]]"))).isTrue();
        assertThat(Jsonb.parse("[1,2]").contains(Jsonb.parse("1"))).isTrue();
        assertThat(j.typeName()).isEqualTo("object");
    }

    @Test
    void intervalArithmetic() {
        Interval a = new Interval(1, 2, 3_000_000);
        assertThat(a.plus(a)).isEqualTo(new Interval(2, 4, 6_000_000));
        assertThat(a.minus(a)).isEqualTo(Interval.ZERO);
        assertThat(new Interval(1, 0, 0).multiply(1.5)).isEqualTo(new Interval(1, 15, 0));
        assertThat(new Interval(0, 1, 0).divide(2)).isEqualTo(new Interval(0, 0, Interval.MICROS_PER_DAY / 2));
        Interval oneMonth = new Interval(1, 0, 0);
        assertThat(TextCodec.format(SqlType.INTERVAL, oneMonth.divide(7), S)).isEqualTo("4 days 06:51:25.6896");
        assertThat(TextCodec.format(SqlType.INTERVAL, new Interval(0, 3, 5 * Interval.MICROS_PER_HOUR).multiply(-2.5), S))
                .isEqualTo("-7 days -24:30:00");
        assertError(() -> new Interval(Integer.MAX_VALUE, 0, 0).plus(new Interval(1, 0, 0)), "22008",
                "interval out of range");
    }

    @Test
    void timestamptzPrintsInTheSessionZoneAndNowIsRelative() {
        FormatSettings paris = S.withTimeZone(ZoneId.of("Europe/Paris"));
        Instant i = (Instant) TextCodec.parse(SqlType.TIMESTAMPTZ, "2024-07-01 12:00:00+00", S);
        assertThat(TextCodec.format(SqlType.TIMESTAMPTZ, i, paris)).isEqualTo("2024-07-01 14:00:00+02");
        Instant now = Instant.parse("2024-03-10T23:30:00Z");
        assertThat(TextCodec.parseAt(SqlType.DATE, "tomorrow", paris, now)).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(TextCodec.parseAt(SqlType.TIMESTAMPTZ, "now", paris, now)).isEqualTo(now);
        assertThat(TextCodec.parseAt(SqlType.DATE, "today", S, now)).isEqualTo(LocalDate.of(2024, 3, 10));
    }

    @Test
    void byteaEscapeOutputAndCharOctal() {
        FormatSettings escape = new FormatSettings(ZoneId.of("UTC"), FormatSettings.DateStyle.ISO,
                FormatSettings.DateOrder.MDY, FormatSettings.IntervalStyle.POSTGRES, 1, false,
                FormatSettings.OidNames.NUMERIC);
        byte[] b = (byte[]) TextCodec.parse(SqlType.BYTEA, "\\x00015c7f80ff41", S);
        assertThat(TextCodec.format(SqlType.BYTEA, b, escape)).isEqualTo("\\000\\001\\\\\\177\\200\\377A");
        assertThat(TextCodec.parse(SqlType.BYTEA, "\\000\\001\\\\\\177\\200\\377A", S)).isEqualTo(b);
        Object c = Casts.cast("\u00e9", SqlType.TEXT, SqlType.CHAR, S);
        assertThat(TextCodec.format(SqlType.CHAR, c, S)).isEqualTo("\\303");
        assertThat(TextCodec.parse(SqlType.CHAR, "\\303", S)).isEqualTo(c);
        assertThat(BinaryCodec.encode(SqlType.CHAR, c, S)).containsExactly((byte) 0xC3);
        assertThat(TextCodec.format(SqlType.of(TypeOids.REGCLASS), 0L, S)).isEqualTo("-");
        assertThat(TextCodec.format(SqlType.VOID, "", S)).isEmpty();
        ArrayValue moods = TextCodec.parseArray(SqlType.of(16500), "{happy,\"so so\"}", S);
        assertThat(TextCodec.format(SqlType.of(16501), moods, S)).isEqualTo("{happy,\"so so\"}");
        assertThat(BinaryCodec.encode(SqlType.VOID, "", S)).isEmpty();
        assertThat(TextCodec.parse(SqlType.OID, "-1", S)).isEqualTo(4294967295L);
    }

    @Test
    void dateStyleSettingAsSetAndShow() {
        FormatSettings german = S.withDateStyleSetting("German");
        assertThat(german.dateStyleSetting()).isEqualTo("German, DMY");
        assertThat(german.withDateStyleSetting("SQL").dateStyleSetting()).isEqualTo("SQL, DMY");
        assertThat(S.withDateStyleSetting("Postgres, YMD").dateStyleSetting()).isEqualTo("Postgres, YMD");
        assertThat(S.withDateStyleSetting("European").dateStyleSetting()).isEqualTo("ISO, DMY");
        assertError(() -> S.withDateStyleSetting("nope"), "22023", "invalid value for parameter \"DateStyle\": \"nope\"");
    }

    @Test
    void recordsPrintLikeRecordOut() {
        RowValue r = new RowValue(new Object[] {1, "a b", null, "", "x\"y"});
        assertThat(TextCodec.format(SqlType.of(TypeOids.RECORD), r, S)).isEqualTo("(1,\"a b\",,\"\",\"x\"\"y\")");
    }
}
