package io.shale.engine.deparse;

import java.util.regex.Pattern;

/** Identifiers as PostgreSQL's quote_identifier prints them. */
final class Names {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Names() {
    }

    static String quote(String name) {
        return PLAIN.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
