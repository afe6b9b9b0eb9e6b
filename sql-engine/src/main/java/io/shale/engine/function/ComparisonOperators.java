package io.shale.engine.function;

import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.common.types.Values;

import java.util.function.IntPredicate;

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
        TypeOids.BPCHAR,
    };

    private ComparisonOperators() {
    }

    static void register(OperatorRegistrar r) {
        for (int oid : TYPES) {
            SqlType t = SqlType.of(oid);
            if (oid == TypeOids.XID || oid == TypeOids.CID) {
                r.binary("=", t, t, SqlType.BOOL, (c, a) -> Values.equal(t, a[0], a[1]));
                r.binary("<>", t, t, SqlType.BOOL, (c, a) -> !Values.equal(t, a[0], a[1]));
                continue;
            }
            register(r, t);
        }
    }

    private static void register(OperatorRegistrar r, SqlType t) {
        r.binary("=", t, t, SqlType.BOOL, comparison(t, c -> c == 0));
        r.binary("<>", t, t, SqlType.BOOL, comparison(t, c -> c != 0));
        r.binary("<", t, t, SqlType.BOOL, comparison(t, c -> c < 0));
        r.binary("<=", t, t, SqlType.BOOL, comparison(t, c -> c <= 0));
        r.binary(">", t, t, SqlType.BOOL, comparison(t, c -> c > 0));
        r.binary(">=", t, t, SqlType.BOOL, comparison(t, c -> c >= 0));
    }

    /**
     * A comparison operator of {@code declared}: built-in types compare through
     * {@link Values#compare}; anyarray and anyenum are bound to the call's actual type, so that
     * enum labels (also inside arrays) order by their declared position.
     */
    private static ScalarFunction comparison(SqlType declared, IntPredicate test) {
        if (declared.oid() != TypeOids.ANYARRAY && declared.oid() != TypeOids.ANYENUM) {
            return (c, a) -> test.test(Values.compare(declared, a[0], a[1]));
        }
        return ScalarFunction.byArgumentTypes(
                types -> bound(types.isEmpty() ? declared : types.getFirst(), test),
                bound(declared, test));
    }

    private static ScalarFunction bound(SqlType actual, IntPredicate test) {
        return (c, a) -> test.test(ValueOrder.compare(c, actual, a[0], a[1]));
    }
}
