package io.shale.engine.function;

import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.shale.common.types.SqlType.INT4;
import static io.shale.common.types.SqlType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are PostgreSQL 15's output. */
@Timeout(10)
class StringFunctionsTest {
    private final Calls calls = new Calls();

    private Object text(String name, Object... args) {
        SqlType[] types = new SqlType[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i] instanceof Integer ? INT4 : TEXT;
        }
        return calls.call(name, List.of(types), args);
    }

    @Test
    void basics() {
        assertThat(text("length", "héllo")).isEqualTo(5);
        assertThat(text("octet_length", "héllo")).isEqualTo(6);
        assertThat(calls.call("length", List.of(SqlType.BPCHAR), "ab   ")).isEqualTo(2);
        assertThat(text("upper", "abc")).isEqualTo("ABC");
        assertThat(text("initcap", "hello wORLD-foo bar")).isEqualTo("Hello World-Foo Bar");
        assertThat(text("substr", "hello", 2, 3)).isEqualTo("ell");
        assertThat(text("substring", "hello", 0, 2)).isEqualTo("h");
        assertThat(text("substring", "hello", 3)).isEqualTo("llo");
        assertThat(text("position", "high", "ig")).isEqualTo(2);
        assertThat(text("strpos", "high", "ig")).isEqualTo(2);
        assertThat(text("replace", "abcabc", "b", "X")).isEqualTo("aXcaXc");
        assertThat(text("translate", "12345", "143", "ax")).isEqualTo("a2x5");
        assertThat(text("btrim", "xxhixx", "x")).isEqualTo("hi");
        assertThat(text("ltrim", "  hi ")).isEqualTo("hi ");
        assertThat(text("lpad", "hi", 5, "xy")).isEqualTo("xyxhi");
        assertThat(text("rpad", "hello", 3)).isEqualTo("hel");
        assertThat(text("left", "abcde", -2)).isEqualTo("abc");
        assertThat(text("right", "abcde", 2)).isEqualTo("de");
        assertThat(text("repeat", "ab", 3)).isEqualTo("ababab");
        assertThat(text("reverse", "abc")).isEqualTo("cba");
        assertThat(text("split_part", "a,b,c", ",", -1)).isEqualTo("c");
        assertThat(text("split_part", "a,b,c", ",", 5)).isEqualTo("");
        assertThat(text("chr", 65)).isEqualTo("A");
        assertThat(text("ascii", "A")).isEqualTo(65);
        assertThat(text("starts_with", "alphabet", "alph")).isEqualTo(true);
        assertThatThrownBy(() -> text("substr", "abc", 1, -1)).hasMessage("negative substring length not allowed");
        assertThatThrownBy(() -> text("split_part", "a", ",", 0)).hasMessage("field position must not be zero");
    }

    @Test
    void concatAndArrays() {
        Object r = calls.call("concat_ws", List.of(TEXT, TEXT, SqlType.UNKNOWN, SqlType.NUMERIC), "-", "a", null,
                new BigDecimal("1.50"));
        assertThat(r).isEqualTo("a-1.50");
        assertThat(calls.call("concat", List.of(TEXT, SqlType.BOOL, INT4), "x", true, 1)).isEqualTo("xt1");
        Object array = text("string_to_array", "a,b,,c", ",", "");
        assertThat(Calls.text(array)).isEqualTo("{a,b,NULL,c}");
        Object joined = calls.call("array_to_string", List.of(SqlType.of(TypeOids.INT4_ARRAY), TEXT, TEXT),
                Calls.array(TypeOids.INT4, 1, null, 3), ",", "*");
        assertThat(joined).isEqualTo("1,*,3");
        assertThat(Calls.text(Calls.array(TypeOids.TEXT, "a b", null, "", "x\"y", "NULL")))
                .isEqualTo("{\"a b\",NULL,\"\",\"x\\\"y\",\"NULL\"}");
    }

    @Test
    void quotingAndFormat() {
        assertThat(text("quote_ident", "select")).isEqualTo("\"select\"");
        assertThat(text("quote_ident", "ab_c")).isEqualTo("ab_c");
        assertThat(text("quote_ident", "Foo")).isEqualTo("\"Foo\"");
        assertThat(text("quote_literal", "a\\b")).isEqualTo("E'a\\\\b'");
        assertThat(calls.call("quote_nullable", List.of(TEXT), (Object) null)).isEqualTo("NULL");
        Object f = calls.call("format", List.of(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT),
                "%s|%I|%L|%L|%5s|%-5s|%2$s", "x", "Foo", "it's", null, "ab", "cd");
        assertThat(f).isEqualTo("x|\"Foo\"|'it''s'|NULL|   ab|cd   |Foo");
        assertThatThrownBy(() -> calls.call("format", List.of(TEXT, TEXT), "%s %s", "a"))
                .hasMessage("too few arguments for format()");
        assertThatThrownBy(() -> calls.call("format", List.of(TEXT, TEXT), "%x", "a"))
                .hasMessage("unrecognized format() type specifier \"x\"");
    }

    @Test
    void hashingAndEncoding() {
        assertThat(text("md5", "abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(calls.call("encode", List.of(SqlType.BYTEA, TEXT), hello, "base64")).isEqualTo("aGVsbG8=");
        assertThat(calls.call("encode", List.of(SqlType.BYTEA, TEXT), new byte[] {0, (byte) 0xff}, "escape"))
                .isEqualTo("\\000\\377");
        assertThat(calls.call("encode", List.of(SqlType.BYTEA, TEXT), hello, "hex")).isEqualTo("68656c6c6f");
        assertThat(calls.call("decode", List.of(TEXT, TEXT), "68656c6c6f", "hex")).isEqualTo(hello);
        assertThat(calls.call("decode", List.of(TEXT, TEXT), "aGVsbG8=", "base64")).isEqualTo(hello);
        assertThat(calls.call("to_hex", List.of(INT4), -1)).isEqualTo("ffffffff");
        assertThat(Calls.text(calls.call("sha256", List.of(SqlType.BYTEA), hello)))
                .isEqualTo("\\x2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void likeOperators() {
        assertThat(calls.binary("~~", TEXT, TEXT, "abc", "a%")).isEqualTo(true);
        assertThat(calls.binary("~~", TEXT, TEXT, "a_c", "a\\_c")).isEqualTo(true);
        assertThat(calls.binary("~~", TEXT, TEXT, "abc", "a\\_c")).isEqualTo(false);
        assertThat(calls.binary("~~*", TEXT, TEXT, "ABC", "a%")).isEqualTo(true);
        assertThat(calls.binary("!~~", TEXT, TEXT, "abc", "%d")).isEqualTo(true);
        assertThat(LikeMatcher.like("100%", "100#%", '#', false)).isTrue();
        assertThat(LikeMatcher.like("a%b", "a%%b", LikeMatcher.NO_ESCAPE, false)).isTrue();
        assertThatThrownBy(() -> calls.binary("~~", TEXT, TEXT, "abc", "ab\\"))
                .hasMessage("LIKE pattern must not end with escape character");
        assertThat(calls.binary("||", TEXT, INT4, "a", 1)).isEqualTo("a1");
        String escaped = (String) text("like_escape", "100#%", "#");
        assertThat(calls.binary("~~", TEXT, TEXT, "100%", escaped)).isEqualTo(true);
        assertThat(calls.binary("~~", TEXT, TEXT, "1000", escaped)).isEqualTo(false);
        assertThat(calls.binary("~~", TEXT, TEXT, "a\\b", text("like_escape", "a\\b", ""))).isEqualTo(true);
        assertThat(text("overlay", "Txxxxas", "hom", 2, 4)).isEqualTo("Thomas");
        assertThat(calls.binary("||", SqlType.BOOL, TEXT, true, "a")).isEqualTo("truea");
    }
}
