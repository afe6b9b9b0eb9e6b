package io.shale.engine.function;

import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

/**
 * = <> < <= > >= for every comparable built-in type. Mixed types (int4 vs int8, date vs
 * timestamp, numeric vs float) resolve through implicit casts to one of these.
 */
final class ComparisonOperators {
    private static final int[] TYPES = {
        TypeOids.BOOL, TypeOids.INT2, TypeOids.INT4, TypeOids.INT8, TypeOids.FLOAT4, TypeOids.FLOAT8,
        TypeOids.NUMERIC, TypeOids.TEXT, TypeOids.NAME, TypeOids.CHAR, TypeOids.OID, TypeOids.BYTEA,
        TypeOids.DATE, TypeOids.TIME, TypeOids.TIMETZ, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ, TypeOids.INTERVAL,
        TypeOids.UUID, TypeOids.ANYARRAY, TypeOids.ANYENUM, TypeOids.XID, TypeOids.CID, TypeOids.INET,
    };

    private ComparisonOperators() {
    }

    static void register(OperatorRegistrar r) {
        for (int oid : TYPES) {
            SqlType t = SqlType.of(oid);
            if (oid == TypeOids.XID || oid == TypeOids.CID) {
                r.binary("=", t, t, SqlType.BOOL, (c, a) -> Compare.equal(a[0], a[1]));
                r.binary("<>", t, t, SqlType.BOOL, (c, a) -> !Compare.equal(a[0], a[1]));
                continue;
            }
            register(r, t);
        }
        SqlType bpchar = SqlType.BPCHAR;
        r.binary("=", bpchar, bpchar, SqlType.BOOL, (c, a) -> bpcharCompare(a) == 0);
        r.binary("<>", bpchar, bpchar, SqlType.BOOL, (c, a) -> bpcharCompare(a) != 0);
        r.binary("<", bpchar, bpchar, SqlType.BOOL, (c, a) -> bpcharCompare(a) < 0);
        r.binary("<=", bpchar, bpchar, SqlType.BOOL, (c, a) -> bpcharCompare(a) <= 0);
        r.binary(">", bpchar, bpchar, SqlType.BOOL, (c, a) -> bpcharCompare(a) > 0);
        r.binary(">=", bpchar, bpchar, SqlType.BOOL, (c, a) -> bpcharCompare(a) >= 0);
    }

    private static void register(OperatorRegistrar r, SqlType t) {
        r.binary("=", t, t, SqlType.BOOL, (c, a) -> Compare.compare(a[0], a[1]) == 0);
        r.binary("<>", t, t, SqlType.BOOL, (c, a) -> Compare.compare(a[0], a[1]) != 0);
        r.binary("<", t, t, SqlType.BOOL, (c, a) -> Compare.compare(a[0], a[1]) < 0);
        r.binary("<=", t, t, SqlType.BOOL, (c, a) -> Compare.compare(a[0], a[1]) <= 0);
        r.binary(">", t, t, SqlType.BOOL, (c, a) -> Compare.compare(a[0], a[1]) > 0);
        r.binary(">=", t, t, SqlType.BOOL, (c, a) -> Compare.compare(a[0], a[1]) >= 0);
    }

    /** bpchar compares without its trailing spaces. */
    private static int bpcharCompare(Object[] a) {
        return Compare.compareText(StringFunctions.stripTrailingSpaces((String) a[0]),
                StringFunctions.stripTrailingSpaces((String) a[1]));
    }
}
