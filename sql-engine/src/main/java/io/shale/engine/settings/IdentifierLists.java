package io.shale.engine.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Comma-separated identifier lists as search_path holds them: {@code "$user", public}. */
final class IdentifierLists {
    private IdentifierLists() {
    }

    /** Splits a list: quoted elements keep their case, unquoted ones are lower-cased. */
    static List<String> split(String raw, String settingName) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = raw.length();
        while (i < n && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        if (i == n) {
            return out;
        }
        while (true) {
            StringBuilder element = new StringBuilder();
            if (i < n && raw.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw SpecialSettings.listSyntax(settingName, raw);
                    }
                    char c = raw.charAt(i++);
                    if (c == '"') {
                        if (i < n && raw.charAt(i) == '"') {
                            element.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        element.append(c);
                    }
                }
            } else {
                int start = i;
                while (i < n && raw.charAt(i) != ',' && !Character.isWhitespace(raw.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    throw SpecialSettings.listSyntax(settingName, raw);
                }
                element.append(raw.substring(start, i).toLowerCase(Locale.ROOT));
            }
            out.add(element.toString());
            while (i < n && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (i == n) {
                return out;
            }
            if (raw.charAt(i) != ',') {
                throw SpecialSettings.listSyntax(settingName, raw);
            }
            i++;
            while (i < n && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
        }
    }

    /** quote_ident: quotes unless the name is a plain lower-case identifier. */
    static String quote(String name) {
        boolean plain = !name.isEmpty() && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_');
        for (int i = 0; plain && i < name.length(); i++) {
            char c = name.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c > 127 && !Character.isUpperCase(c);
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
