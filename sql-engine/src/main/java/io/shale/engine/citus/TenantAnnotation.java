package io.shale.engine.citus;

import java.nio.charset.StandardCharsets;

/**
 * The attribution a router task carries to the node that runs it, as Citus writes it: a comment in front of the task
 * text, {@code /*{"cId":<colocation id>,"tId":"<tenant>"}*}{@code /} for a row tenant (the distribution value as
 * text, with {@code *} and {@code /} escaped by a backslash, then as a JSON string) and
 * {@code /*{"cId":<colocation id>}*}{@code /} for a schema tenant.
 *
 * @param colocationId the tenant's colocation group
 * @param attribute the tenant's distribution value as text, or null for a schema tenant
 */
public record TenantAnnotation(int colocationId, String attribute) {
    private static final String PREFIX = "/*{\"cId\":";

    /** The task text with the annotation of a row tenant in front. */
    public static String annotate(String sql, int colocationId, String value) {
        StringBuilder out = new StringBuilder(sql.length() + value.length() + 32);
        out.append(PREFIX).append(colocationId).append(",\"tId\":\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '*', '/' -> out.append("\\\\").append(ch);
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append("\"}*/").append(sql).toString();
    }

    /** The task text with the annotation of a schema tenant in front. */
    public static String annotateSchema(String sql, int colocationId) {
        return PREFIX + colocationId + "}*/" + sql;
    }

    /** The annotation at the start of a task text, or null when it has none (or a malformed one). */
    public static TenantAnnotation parse(String sql) {
        if (!sql.startsWith(PREFIX)) {
            return null;
        }
        int end = sql.indexOf("*/", 2);
        if (end < 0) {
            return null;
        }
        int pos = PREFIX.length();
        int digits = pos;
        if (digits < end && sql.charAt(digits) == '-') {
            digits++;
        }
        while (digits < end && Character.isDigit(sql.charAt(digits))) {
            digits++;
        }
        int colocationId;
        try {
            colocationId = Integer.parseInt(sql.substring(pos, digits));
        } catch (NumberFormatException e) {
            return null;
        }
        if (sql.startsWith("}", digits)) {
            return new TenantAnnotation(colocationId, null);
        }
        String key = ",\"tId\":\"";
        if (!sql.startsWith(key, digits)) {
            return null;
        }
        StringBuilder json = new StringBuilder();
        int i = digits + key.length();
        while (i < end && sql.charAt(i) != '"') {
            char ch = sql.charAt(i++);
            if (ch != '\\' || i >= end) {
                json.append(ch);
                continue;
            }
            char escaped = sql.charAt(i++);
            switch (escaped) {
                case 'n' -> json.append('\n');
                case 'r' -> json.append('\r');
                case 't' -> json.append('\t');
                case 'b' -> json.append('\b');
                case 'f' -> json.append('\f');
                case 'u' -> {
                    if (i + 4 > end) {
                        return null;
                    }
                    json.append((char) Integer.parseInt(sql.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> json.append(escaped);
            }
        }
        return new TenantAnnotation(colocationId, truncate(unescapeCommentChars(json)));
    }

    private static String unescapeCommentChars(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '*' || text.charAt(i + 1) == '/')) {
                ch = text.charAt(++i);
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** The attribute cut to {@link TenantStats#MAX_ATTRIBUTE_BYTES} bytes of UTF-8, at a character boundary. */
    static String truncate(String value) {
        if (value.length() * 3 <= TenantStats.MAX_ATTRIBUTE_BYTES) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= TenantStats.MAX_ATTRIBUTE_BYTES) {
            return value;
        }
        int cut = TenantStats.MAX_ATTRIBUTE_BYTES;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return new String(bytes, 0, cut, StandardCharsets.UTF_8);
    }
}
