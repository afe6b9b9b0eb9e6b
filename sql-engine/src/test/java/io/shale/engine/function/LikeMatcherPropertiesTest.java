package io.shale.engine.function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIKE agrees with an independent oracle (the pattern spelled as a regular expression) on short
 * strings over a small alphabet; jqwik reports the seed of any failing run.
 */
class LikeMatcherPropertiesTest {

    @Property(tries = 500)
    void likeAgreesWithRegularExpressionOracle(@ForAll("texts") String text, @ForAll("patterns") String pattern) {
        assertThat(LikeMatcher.like(text, pattern, LikeMatcher.DEFAULT_ESCAPE, false))
                .as("'%s' LIKE '%s'", text, pattern).isEqualTo(oracle(pattern).matcher(text).matches());
    }

    @Property(tries = 200)
    void likeEscapeKeepsTheMeaningOfACustomEscape(@ForAll("texts") String text, @ForAll("hashPatterns") String pattern) {
        String rewritten = StringFunctions.likeEscape(pattern, "#");
        assertThat(LikeMatcher.like(text, rewritten, LikeMatcher.DEFAULT_ESCAPE, false))
                .isEqualTo(LikeMatcher.like(text, pattern, '#', false));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab%_").ofMaxLength(6);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("ab%_").ofMaxLength(5)
                .flatMap(p -> Arbitraries.of(p, p + "\\%", "\\_" + p));
    }

    @Provide
    Arbitrary<String> hashPatterns() {
        return Arbitraries.strings().withChars("ab%_").ofMaxLength(5).map(p -> p.isEmpty() ? p : "#" + p);
    }

    private static Pattern oracle(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
