package io.shale.engine.system;

import java.util.Set;

/** quote_ident: double quotes where PostgreSQL would need them. */
public final class Identifiers {
    /** Reserved key words that must be quoted as identifiers (PostgreSQL 15, reserved category). */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array",
            "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint",
            "create", "current_catalog", "current_date", "current_role", "current_time", "current_timestamp",
            "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
            "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect",
            "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on",
            "only", "or", "order", "placing", "primary", "references", "returning", "select", "session_user",
            "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using",
            "variadic", "when", "where", "window", "with", "authorization", "binary", "collation",
            "concurrently", "cross", "current_schema", "freeze", "full", "ilike", "inner", "is", "isnull",
            "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar",
            "tablesample", "verbose");

    private Identifiers() {
    }

    public static String quote(String name) {
        boolean plain = !name.isEmpty() && (name.charAt(0) >= 'a' && name.charAt(0) <= 'z' || name.charAt(0) == '_');
        for (int i = 0; plain && i < name.length(); i++) {
            char c = name.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }
        return plain && !RESERVED.contains(name) ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** schema.name, each part quoted where needed. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }
}
