package io.shale.server;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFileParserTest {
    private static final Path FILE = Path.of("/data/shale.conf");

    private static Map<String, String> parse(String... lines) {
        return ConfigFileParser.parse(FILE, List.of(lines));
    }

    @Test
    void readsNameValuePairsWithOrWithoutEquals() {
        assertThat(parse("max_connections = 100", "port 5433", "  log_min_messages=warning  ", "Citus.Node_Conninfo = x:y/z"))
                .containsExactly(Map.entry("max_connections", "100"), Map.entry("port", "5433"),
                        Map.entry("log_min_messages", "warning"), Map.entry("citus.node_conninfo", "x:y/z"));
    }

    @Test
    void ignoresCommentsAndBlankLines() {
        assertThat(parse("# header", "", "   ", "work_mem = 4MB # per sort", "#disabled = 1"))
                .containsExactly(Map.entry("work_mem", "4MB"));
    }

    @Test
    void unquotesStringsWithDoubledQuotesAndBackslashEscapes() {
        assertThat(parse("a = 'it''s'", "b = 'x\\'y'", "c = 'tab\\there'", "d = '#not a comment'", "e = ''", "f = '\\101'"))
                .containsExactly(Map.entry("a", "it's"), Map.entry("b", "x'y"), Map.entry("c", "tab\there"),
                        Map.entry("d", "#not a comment"), Map.entry("e", ""), Map.entry("f", "A"));
    }

    @Test
    void acceptsNumbersWithUnitsSignsAndDecimals() {
        assertThat(parse("a = -1", "b = 0.5", "c = 1e3", "d = 128kB", "e = 0x10"))
                .containsExactly(Map.entry("a", "-1"), Map.entry("b", "0.5"), Map.entry("c", "1e3"),
                        Map.entry("d", "128kB"), Map.entry("e", "0x10"));
    }

    @Test
    void aLaterLineWins() {
        assertThat(parse("work_mem = 1MB", "WORK_MEM = 2MB")).containsExactly(Map.entry("work_mem", "2MB"));
    }

    @Test
    void reportsSyntaxErrorsWithFileAndLine() {
        assertError("syntax error in file \"/data/shale.conf\" line 2, near end of line", "a = 1", "b =");
        assertError("syntax error in file \"/data/shale.conf\" line 1, near token \"b\"", "a = 1 b");
        assertError("syntax error in file \"/data/shale.conf\" line 1, near token \"'abc\"", "a = 'abc");
        assertError("syntax error in file \"/data/shale.conf\" line 1, near token \"=\"", "= 1");
        assertError("syntax error in file \"/data/shale.conf\" line 1, near token \";\"", "a = 1;");
        assertError("syntax error in file \"/data/shale.conf\" line 1, near token \"1abc\"", "1abc = 2");
    }

    @Test
    void includeDirectivesAreNotSupported() {
        assertThatThrownBy(() -> parse("include 'other.conf'"))
                .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED))
                .hasMessage("\"include\" in file \"/data/shale.conf\" line 1 is not supported");
    }

    private static void assertError(String message, String... lines) {
        assertThatThrownBy(() -> parse(lines))
                .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_FILE_ERROR))
                .hasMessage(message);
    }
}
