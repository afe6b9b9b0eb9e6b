package io.shale.engine.exec;

import io.shale.common.types.CastContext;
import io.shale.common.types.Casts;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.Values;

/** The executor's door to the type system: casts, comparison, equality and hashing of values. */
public final class TypeOps {
    private TypeOps() {
    }

    public static Object cast(Object value, SqlType from, SqlType to, boolean explicit, FormatSettings settings) {
        return Casts.cast(value, from, to, settings, explicit ? CastContext.EXPLICIT : CastContext.ASSIGNMENT);
    }

    public static int compare(SqlType type, Object a, Object b) {
        return Values.compare(type, a, b);
    }

    public static boolean equal(SqlType type, Object a, Object b) {
        return Values.equal(type, a, b);
    }

    public static int hash(SqlType type, Object value) {
        return Values.hash(type, value);
    }
}
