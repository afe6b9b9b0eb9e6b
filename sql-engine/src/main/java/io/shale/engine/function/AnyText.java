package io.shale.engine.function;

import io.shale.common.types.ArrayValue;
import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.common.types.TypeCategory;
import io.shale.common.types.TypeOids;
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

    /**
     * The text of a non-null value of a resolved argument type: the type's own output function
     * (regclass prints its name, not its oid), or the value's class for pseudo and enum types.
     */
    static String format(Object value, SqlType type, EvalContext context) {
        if (value instanceof String s) {
            return s;
        }
        if (type == null || type.oid() == TypeOids.UNKNOWN || BuiltinTypes.isEnum(type.oid())
                || TypeCategory.of(type.oid()) == TypeCategory.PSEUDO) {
            return format(value, context);
        }
        return TextCodec.format(type, value, context.formatSettings());
    }

    /** {@link #format(Object, SqlType, EvalContext)} as a cast to text prints it (booleans in full). */
    static String castToText(Object value, SqlType type, EvalContext context) {
        return value instanceof Boolean b ? b.toString() : format(value, type, context);
    }

    /** The type of a value; an array whose element oid is unknown takes its first element's type. */
    static SqlType typeOf(Object value) {
        if (value instanceof ArrayValue a && BuiltinTypes.arrayOf(a.elementOid()) == 0) {
            for (Object e : a.elements()) {
                if (e != null) {
                    int array = BuiltinTypes.arrayOf(typeOf(e).oid());
                    return SqlType.of(array == 0 ? TypeOids.TEXT_ARRAY : array);
                }
            }
            return SqlType.of(TypeOids.TEXT_ARRAY);
        }
        return Values.typeOf(value);
    }
}
