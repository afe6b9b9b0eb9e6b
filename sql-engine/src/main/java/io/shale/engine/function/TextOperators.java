package io.shale.engine.function;

import io.shale.common.types.SqlType;

/** || on text and bytea, LIKE and ILIKE (~~ ~~* and negations), POSIX regular expressions (~ ~* !~ !~*), ^@. */
final class TextOperators {
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType BOOL = SqlType.BOOL;
    private static final SqlType NONARRAY = SqlType.of(io.shale.common.types.TypeOids.ANYNONARRAY);

    private TextOperators() {
    }

    static void register(OperatorRegistrar r) {
        r.binary("||", TEXT, TEXT, TEXT, (c, a) -> ((String) a[0]).concat((String) a[1]));
        r.binaryStable("||", TEXT, NONARRAY, TEXT, ScalarFunction.byArgumentTypes(
                t -> (c, a) -> ((String) a[0]).concat(AnyText.castToText(a[1], t.get(1), c)),
                (c, a) -> ((String) a[0]).concat(AnyText.castToText(a[1], c))));
        r.binaryStable("||", NONARRAY, TEXT, TEXT, ScalarFunction.byArgumentTypes(
                t -> (c, a) -> AnyText.castToText(a[0], t.get(0), c).concat((String) a[1]),
                (c, a) -> AnyText.castToText(a[0], c).concat((String) a[1])));
        r.binary("||", SqlType.BYTEA, SqlType.BYTEA, SqlType.BYTEA, (c, a) -> concat((byte[]) a[0], (byte[]) a[1]));
        like(r, TEXT);
        like(r, SqlType.BPCHAR);
        like(r, SqlType.NAME);
        like(r, SqlType.BYTEA);
        RegexCache cache = new RegexCache();
        r.binary("~", TEXT, TEXT, BOOL, (c, a) -> cache.compile((String) a[1], "").matcher((String) a[0]).find());
        r.binary("!~", TEXT, TEXT, BOOL, (c, a) -> !cache.compile((String) a[1], "").matcher((String) a[0]).find());
        r.binary("~*", TEXT, TEXT, BOOL, (c, a) -> cache.compile((String) a[1], "i").matcher((String) a[0]).find());
        r.binary("!~*", TEXT, TEXT, BOOL, (c, a) -> !cache.compile((String) a[1], "i").matcher((String) a[0]).find());
        r.binary("^@", TEXT, TEXT, BOOL, (c, a) -> ((String) a[0]).startsWith((String) a[1]));
    }

    private static void like(OperatorRegistrar r, SqlType left) {
        SqlType right = left.oid() == io.shale.common.types.TypeOids.BYTEA ? left : TEXT;
        r.binary("~~", left, right, BOOL, (c, a) -> like(a[0], a[1], false));
        r.binary("!~~", left, right, BOOL, (c, a) -> !like(a[0], a[1], false));
        if (left.oid() != io.shale.common.types.TypeOids.BYTEA) {
            r.binary("~~*", left, right, BOOL, (c, a) -> like(a[0], a[1], true));
            r.binary("!~~*", left, right, BOOL, (c, a) -> !like(a[0], a[1], true));
        }
    }

    private static boolean like(Object text, Object pattern, boolean ignoreCase) {
        if (text instanceof byte[] b) {
            return LikeMatcher.like(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1),
                    new String((byte[]) pattern, java.nio.charset.StandardCharsets.ISO_8859_1),
                    LikeMatcher.DEFAULT_ESCAPE, false);
        }
        return LikeMatcher.like((String) text, (String) pattern, LikeMatcher.DEFAULT_ESCAPE, ignoreCase);
    }

    static byte[] concat(byte[] x, byte[] y) {
        byte[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
