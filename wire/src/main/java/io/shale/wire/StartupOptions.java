package io.shale.wire;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code options} startup parameter: command-line switches separated by spaces, a backslash
 * keeping the next character (so {@code \ } is a space in a value). Accepted switches are
 * {@code -c name=value}, {@code -cname=value} and {@code --name=value}, as PostgreSQL does.
 */
final class StartupOptions {
    private StartupOptions() {
    }

    /** The settings the switches give, in order; 42601 for anything else. */
    static Map<String, String> parse(String options) {
        List<String> words = split(options);
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String assignment;
            if (word.equals("-c") && i + 1 < words.size()) {
                assignment = words.get(++i);
            } else if (word.startsWith("-c") && word.length() > 2) {
                assignment = word.substring(2);
            } else if (word.startsWith("--") && word.length() > 2) {
                assignment = word.substring(2);
            } else {
                throw invalid(word);
            }
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw invalid(word);
            }
            settings.put(assignment.substring(0, equals).replace('-', '_'), assignment.substring(equals + 1));
        }
        return settings;
    }

    private static List<String> split(String options) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == '\\' && i + 1 < options.length()) {
                c = options.charAt(++i);
            }
            word.append(c);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static ShaleException invalid(String word) {
        return new ShaleException(ErrorCode.SYNTAX_ERROR,
                "invalid command-line argument for server process: " + word)
                .withHint("Try \"postgres --help\" for more information.").asFatal();
    }
}
