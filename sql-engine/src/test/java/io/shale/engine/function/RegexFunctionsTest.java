package io.shale.engine.function;

import io.shale.common.types.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static io.shale.common.types.SqlType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are PostgreSQL 15's output. */
@Timeout(10)
class RegexFunctionsTest {
    private final Calls calls = new Calls();

    private Object call(String name, Object... args) {
        SqlType[] types = new SqlType[args.length];
        java.util.Arrays.fill(types, TEXT);
        return calls.call(name, List.of(types), args);
    }

    @Test
    void replace() {
        assertThat(call("regexp_replace", "Hello World", "o", "0", "g")).isEqualTo("Hell0 W0rld");
        assertThat(call("regexp_replace", "Hello World", "o", "0")).isEqualTo("Hell0 World");
        assertThat(call("regexp_replace", "abc", "(b)", "[\\1]")).isEqualTo("a[b]c");
        assertThat(call("regexp_replace", "aaa", "a*", "X", "g")).isEqualTo("XX");
        assertThat(call("regexp_replace", "abc", "x*", "-", "g")).isEqualTo("-a-b-c-");
        assertThat(call("regexp_replace", "ABC", "b", "x", "gi")).isEqualTo("AxC");
    }

    @Test
    void matchAndSplit() {
        assertThat(Calls.text(call("regexp_match", "foobarbequebaz", "(bar)(beque)"))).isEqualTo("{bar,beque}");
        assertThat(call("regexp_match", "foo", "x")).isNull();
        assertThat(Calls.text(call("regexp_split_to_array", "hello world  x", "\\s+"))).isEqualTo("{hello,world,x}");
        assertThat(Calls.text(call("regexp_split_to_array", "abc", ""))).isEqualTo("{a,b,c}");
        assertThat(Calls.text(call("regexp_split_to_array", "a b", "\\s*"))).isEqualTo("{a,b}");
        assertThat(Calls.text(call("regexp_split_to_array", "a,b,", ","))).isEqualTo("{a,b,\"\"}");
        List<Object> matches = calls.column("regexp_matches", List.of(TEXT, TEXT, TEXT), "abcabc", "(a)(b)", "g");
        assertThat(matches).extracting(Calls::text).containsExactly("{a,b}", "{a,b}");
        assertThat(calls.column("regexp_split_to_table", List.of(TEXT, TEXT), "a1b2c", "\\d"))
                .containsExactly("a", "b", "c");
        assertThatThrownBy(() -> call("regexp_match", "a", "a", "g"))
                .hasMessage("regexp_match() does not support the \"global\" option");
    }

    @Test
    void substringForms() {
        assertThat(call("substring", "foobar", "o(.)b")).isEqualTo("o");
        assertThat(call("regexp_substr", "foobar", "o+b")).isEqualTo("oob");
        assertThat(call("regexp_instr", "foobar", "b")).isEqualTo(4);
        assertThat(call("substring", "foobar", "o.b")).isEqualTo("oob");
        assertThat(call("substring", "foobar", "%#\"o_b#\"%", "#")).isEqualTo("oob");
    }

    @Test
    void regexOperatorsTranslateAreSyntax() {
        assertThat(calls.binary("~", TEXT, TEXT, "abc", "^a")).isEqualTo(true);
        assertThat(calls.binary("~*", TEXT, TEXT, "ABC", "b")).isEqualTo(true);
        assertThat(calls.binary("!~", TEXT, TEXT, "abc", "^b")).isEqualTo(true);
        assertThat(calls.binary("~", TEXT, TEXT, "a1", "[[:alpha:]][[:digit:]]")).isEqualTo(true);
        assertThat(calls.binary("~", TEXT, TEXT, "foo bar", "\\mbar")).isEqualTo(true);
        assertThat(calls.binary("~", TEXT, TEXT, "ab\n", "b$")).isEqualTo(false);
        assertThat(calls.binary("~", TEXT, TEXT, "a\nb", "a.b")).isEqualTo(true);
        assertThat(calls.call("similar_to_escape", List.of(TEXT), "a%b_")).isEqualTo("^(?:a.*b.)$");
        assertThatThrownBy(() -> calls.binary("~", TEXT, TEXT, "a", "(")).hasMessageStartingWith("invalid regular expression");
    }
}
