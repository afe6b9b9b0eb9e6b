package io.shale.engine.function;

import io.shale.common.types.ArrayValue;
import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.common.types.Values;

/**
 * The text form of a value whose SQL type is known only from its Java class (arguments of
 * {@code "any"} or polymorphic functions), printed by common's {@link TextCodec} with the
 * session's DateStyle, IntervalStyle and extra_float_digits.
 */
final class AnyText {
    private AnyText() {
    }

    /** The type's output function applied to a non-null value. */
    static String format(Object value, EvalContext context) {
        if (value instanceof String s) {
            return s;
        }
        return TextCodec.format(typeOf(value), value, context.formatSettings());
    }

    /** The text of a value cast to text: like its output, but booleans are {@code true}/{@code false}. */
    static String castToText(Object value, EvalContext context) {
        return value instanceof Boolean b ? b.toString() : format(value, context);
    }

    /** The type of a value; an array whose element oid is unknown takes its first element's type. */
    static SqlType typeOf(Object value) {
        if (value instanceof ArrayValue a && BuiltinTypes.arrayOf(a.elementOid()) == 0) {
            for (Object e : a.elements()) {
                if (e != null) {
                    int array = BuiltinTypes.arrayOf(typeOf(e).oid());
                    return SqlType.of(array == 0 ? io.shale.common.types.TypeOids.TEXT_ARRAY : array);
                }
            }
            return SqlType.of(io.shale.common.types.TypeOids.TEXT_ARRAY);
        }
        return Values.typeOf(value);
    }
}
