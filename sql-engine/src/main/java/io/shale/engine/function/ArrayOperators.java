package io.shale.engine.function;

import io.shale.common.types.ArrayValue;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

/** || on arrays and elements, containment @> <@ and overlap &&. */
final class ArrayOperators {
    private static final SqlType ARRAY = SqlType.of(TypeOids.ANYARRAY);
    private static final SqlType C_ARRAY = SqlType.of(Polymorphism.ANYCOMPATIBLEARRAY);
    private static final SqlType C_ELEMENT = SqlType.of(Polymorphism.ANYCOMPATIBLE);

    private ArrayOperators() {
    }

    static void register(OperatorRegistrar r) {
        r.binary("||", C_ARRAY, C_ARRAY, C_ARRAY, (c, a) -> ArrayFunctions.cat((ArrayValue) a[0], (ArrayValue) a[1]));
        r.binary("||", C_ARRAY, C_ELEMENT, C_ARRAY, (c, a) -> ArrayFunctions.append((ArrayValue) a[0], a[1]));
        r.binary("||", C_ELEMENT, C_ARRAY, C_ARRAY, (c, a) -> ArrayFunctions.prepend(a[0], (ArrayValue) a[1]));
        r.binary("@>", ARRAY, ARRAY, SqlType.BOOL, (c, a) -> ArrayFunctions.contains((ArrayValue) a[0], (ArrayValue) a[1]));
        r.binary("<@", ARRAY, ARRAY, SqlType.BOOL, (c, a) -> ArrayFunctions.contains((ArrayValue) a[1], (ArrayValue) a[0]));
        r.binary("&&", ARRAY, ARRAY, SqlType.BOOL, (c, a) -> ArrayFunctions.overlaps((ArrayValue) a[0], (ArrayValue) a[1]));
    }
}
