package io.shale.engine.function;

import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

/** || on arrays and elements, containment @> <@ and overlap &&. */
final class ArrayOperators {
    private static final SqlType ARRAY = SqlType.of(TypeOids.ANYARRAY);
    private static final SqlType ELEMENT = SqlType.of(TypeOids.ANYELEMENT);

    private ArrayOperators() {
    }

    static void register(OperatorRegistrar r) {
        r.binary("||", ARRAY, ARRAY, ARRAY, (c, a) -> ArrayFunctions.cat((ArrayValue) a[0], (ArrayValue) a[1]));
        r.binary("||", ARRAY, ELEMENT, ARRAY, (c, a) -> ArrayFunctions.append((ArrayValue) a[0], a[1]));
        r.binary("||", ELEMENT, ARRAY, ARRAY, (c, a) -> ArrayFunctions.prepend(a[0], (ArrayValue) a[1]));
        r.binary("@>", ARRAY, ARRAY, SqlType.BOOL, (c, a) -> ArrayFunctions.contains((ArrayValue) a[0], (ArrayValue) a[1]));
        r.binary("<@", ARRAY, ARRAY, SqlType.BOOL, (c, a) -> ArrayFunctions.contains((ArrayValue) a[1], (ArrayValue) a[0]));
        r.binary("&&", ARRAY, ARRAY, SqlType.BOOL, (c, a) -> ArrayFunctions.overlaps((ArrayValue) a[0], (ArrayValue) a[1]));
    }
}
