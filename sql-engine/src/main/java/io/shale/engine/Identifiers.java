package io.shale.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Quoting and splitting of SQL identifiers as PostgreSQL does (quote_ident, name lists). */
final class Identifiers {
    private Identifiers() {
    }

    /** The identifier, double-quoted when it is not a plain lower-case name. */
    static String quote(String name) {
        boolean plain = !name.isEmpty() && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_');
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = Character.isLowerCase(c) || Character.isDigit(c) || c == '_' || c == '$';
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Splits {@code a.b} / {@code "A"."b"} into parts, folding unquoted ones to lower case. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        current.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                parts.add(wasQuoted ? current.toString() : current.toString().toLowerCase(Locale.ROOT));
                current.setLength(0);
                wasQuoted = false;
            } else if (!Character.isWhitespace(c)) {
                current.append(c);
            }
        }
        parts.add(wasQuoted ? current.toString() : current.toString().toLowerCase(Locale.ROOT));
        return parts;
    }
}
