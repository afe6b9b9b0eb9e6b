package io.shale.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code options} startup parameter: {@code -c name=value} and {@code --name=value}
 * separated by spaces, a backslash escaping the next character (libpq's PGOPTIONS).
 */
final class StartupOptions {
    private StartupOptions() {
    }

    static Map<String, String> parse(String options) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (c == '\\' && i + 1 < options.length()) {
                word.append(options.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String assignment = null;
            if (w.equals("-c") && i + 1 < words.size()) {
                assignment = words.get(++i);
            } else if (w.startsWith("-c")) {
                assignment = w.substring(2);
            } else if (w.startsWith("--")) {
                assignment = w.substring(2);
            }
            if (assignment != null && assignment.contains("=")) {
                int eq = assignment.indexOf('=');
                settings.put(assignment.substring(0, eq).replace('-', '_'), assignment.substring(eq + 1));
            }
        }
        return settings;
    }
}
