package io.shale.server;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Any value written the way shale.conf quotes it reads back unchanged (jqwik prints the seed of a failing run). */
class ConfigFileParserProperties {

    @Property(tries = 500)
    void quotedValuesRoundTrip(@ForAll @StringLength(max = 40) @AlphaChars @NumericChars
                               @Chars({' ', '\'', '\\', '#', '=', '"', ',', '$', '-', '.', '/', '\t', 'é'}) String value,
                               @ForAll @StringLength(min = 1, max = 20) @AlphaChars String name) {
        String quoted = "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
        Map<String, String> settings = ConfigFileParser.parse(Path.of("shale.conf"),
                List.of("  " + name + " = " + quoted + "   # comment"));
        assertThat(settings).containsExactly(Map.entry(name.toLowerCase(Locale.ROOT), value));
    }
}
