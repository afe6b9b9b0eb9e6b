package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/** format(), quoting, hashing and encode/decode of strings and byte strings. */
final class TextFormatFunctions {
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType BYTEA = SqlType.BYTEA;
    private static final SqlType ANY = SqlType.of(TypeOids.ANY);
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
            "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
            "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral",
            "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
            "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
            "window", "with", "authorization", "binary", "collation", "concurrently", "cross", "current_schema",
            "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull",
            "outer", "overlaps", "right", "similar", "tablesample", "verbose", "between", "bigint", "bit", "boolean",
            "char", "character", "coalesce", "dec", "decimal", "exists", "extract", "float", "greatest", "grouping",
            "inout", "int", "integer", "interval", "least", "national", "nchar", "none", "normalize", "nullif",
            "numeric", "out", "overlay", "position", "precision", "real", "row", "setof", "smallint", "substring",
            "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes", "xmlconcat", "xmlelement",
            "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private TextFormatFunctions() {
    }

    static void register(Registrar r) {
        r.def("md5", TEXT).args(TEXT).scalar((c, a) -> HexFormat.of().formatHex(
                digest("MD5", ((String) a[0]).getBytes(StandardCharsets.UTF_8))));
        r.def("md5", TEXT).args(BYTEA).scalar((c, a) -> HexFormat.of().formatHex(digest("MD5", (byte[]) a[0])));
        r.def("sha224", BYTEA).args(BYTEA).scalar((c, a) -> digest("SHA-224", (byte[]) a[0]));
        r.def("sha256", BYTEA).args(BYTEA).scalar((c, a) -> digest("SHA-256", (byte[]) a[0]));
        r.def("sha384", BYTEA).args(BYTEA).scalar((c, a) -> digest("SHA-384", (byte[]) a[0]));
        r.def("sha512", BYTEA).args(BYTEA).scalar((c, a) -> digest("SHA-512", (byte[]) a[0]));
        r.def("encode", TEXT).args(BYTEA, TEXT).scalar((c, a) -> ByteEncoding.encode((byte[]) a[0], (String) a[1]));
        r.def("decode", BYTEA).args(TEXT, TEXT).scalar((c, a) -> ByteEncoding.decode((String) a[0], (String) a[1]));
        r.def("to_hex", TEXT).args(SqlType.INT4).scalar((c, a) -> Integer.toHexString((int) a[0]));
        r.def("to_hex", TEXT).args(SqlType.INT8).scalar((c, a) -> Long.toHexString((long) a[0]));
        r.def("quote_ident", TEXT).args(TEXT).scalar((c, a) -> quoteIdent((String) a[0]));
        r.def("quote_literal", TEXT).args(TEXT).scalar((c, a) -> quoteLiteral((String) a[0]));
        r.def("quote_literal", TEXT).args(SqlType.of(TypeOids.ANYELEMENT)).stable()
                .scalar((c, a) -> quoteLiteral(AnyText.format(a[0], c)));
        r.def("quote_nullable", TEXT).args(TEXT).nonStrict()
                .scalar((c, a) -> a[0] == null ? "NULL" : quoteLiteral((String) a[0]));
        r.def("quote_nullable", TEXT).args(SqlType.of(TypeOids.ANYELEMENT)).nonStrict().stable()
                .scalar((c, a) -> a[0] == null ? "NULL" : quoteLiteral(AnyText.format(a[0], c)));
        r.def("format", TEXT).args(TEXT).nonStrict().stable().scalar((c, a) -> a[0] == null ? null : format(c, a));
        r.def("format", TEXT).args(TEXT, ANY).variadic().nonStrict().stable()
                .scalar((c, a) -> a[0] == null ? null : format(c, a));
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, algorithm + " is not supported");
        }
    }

    static String quoteIdent(String s) {
        boolean safe = !s.isEmpty() && (Character.isLowerCase(s.charAt(0)) && s.charAt(0) < 128 || s.charAt(0) == '_');
        for (int i = 0; i < s.length() && safe; i++) {
            char ch = s.charAt(i);
            safe = ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_';
        }
        if (safe && !RESERVED.contains(s)) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String quoteLiteral(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        if (s.indexOf('\\') >= 0) {
            sb.append('E');
        }
        sb.append('\'');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '\\') {
                sb.append(ch);
            }
            sb.append(ch);
        }
        return sb.append('\'').toString();
    }

    /** format(formatstr, args...): %s, %I, %L and %%, with positions (n$), the - flag and widths (n or *). */
    static String format(EvalContext c, Object[] a) {
        String f = (String) a[0];
        StringBuilder out = new StringBuilder();
        int nextArg = 1;
        for (int i = 0; i < f.length(); i++) {
            char ch = f.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (++i >= f.length()) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "unterminated format() type specifier")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            if (f.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            int[] pos = {i};
            int argument = readPosition(f, pos);
            boolean leftAlign = false;
            if (pos[0] < f.length() && f.charAt(pos[0]) == '-') {
                leftAlign = true;
                pos[0]++;
            }
            int width = 0;
            if (pos[0] < f.length() && f.charAt(pos[0]) == '*') {
                pos[0]++;
                int widthArg = readPosition(f, pos);
                int index = widthArg > 0 ? widthArg : nextArg++;
                Object w = argument(a, index);
                width = w == null ? 0 : ((Number) w).intValue();
                if (width < 0) {
                    leftAlign = true;
                    width = -width;
                }
            } else {
                width = readNumber(f, pos);
            }
            if (pos[0] >= f.length()) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "unterminated format() type specifier")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            char type = f.charAt(pos[0]);
            i = pos[0];
            int index = argument > 0 ? argument : nextArg;
            nextArg = index + 1;
            Object value = argument(a, index);
            String text = switch (type) {
                case 's' -> value == null ? "" : AnyText.format(value, c);
                case 'I' -> {
                    if (value == null) {
                        throw new ShaleException(ErrorCode.NULL_VALUE_NOT_ALLOWED,
                                "null values cannot be formatted as an SQL identifier");
                    }
                    yield quoteIdent(AnyText.format(value, c));
                }
                case 'L' -> value == null ? "NULL" : quoteLiteral(AnyText.format(value, c));
                default -> throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "unrecognized format() type specifier \"" + type + "\"")
                        .withHint("For a single \"%\" use \"%%\".");
            };
            int padding = width - StringFunctions.length(text);
            if (padding > 0 && !leftAlign) {
                out.append(" ".repeat(padding));
            }
            out.append(text);
            if (padding > 0 && leftAlign) {
                out.append(" ".repeat(padding));
            }
        }
        return out.toString();
    }

    private static Object argument(Object[] a, int index) {
        if (index >= a.length) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "too few arguments for format()");
        }
        return a[index];
    }

    /** Reads {@code n$} at pos; 0 when absent. */
    private static int readPosition(String f, int[] pos) {
        int start = pos[0];
        int n = readNumber(f, pos);
        if (n > 0 && pos[0] < f.length() && f.charAt(pos[0]) == '$') {
            pos[0]++;
            return n;
        }
        if (pos[0] > start && pos[0] < f.length() && f.charAt(pos[0]) == '$') {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "format specifies argument 0, but arguments are numbered from 1");
        }
        pos[0] = start;
        return 0;
    }

    private static int readNumber(String f, int[] pos) {
        int n = 0;
        while (pos[0] < f.length() && Character.isDigit(f.charAt(pos[0]))) {
            n = n * 10 + (f.charAt(pos[0]++) - '0');
        }
        return n;
    }
}
