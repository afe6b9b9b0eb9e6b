package io.shale.engine.function;

import io.shale.catalog.Catalog;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.EnumType;
import io.shale.common.types.ArrayValue;
import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeCategory;
import io.shale.common.types.Values;

/**
 * SQL ordering of non-null values that also knows the session's enum types: an enum value (a
 * String label) sorts by the label's position in its CREATE TYPE … AS ENUM list, not by its
 * text. Other values order as {@link Values#compare}. The executor uses it for ORDER BY keys of
 * user types; the comparison operators of enums and arrays use it too.
 */
public final class ValueOrder {
    private ValueOrder() {
    }

    /** Whether ordering values of {@code type} needs the catalog (user enum types and their arrays). */
    public static boolean needsCatalog(SqlType type) {
        return BuiltinTypes.isEnum(type.oid());
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(EvalContext context, SqlType type, Object a, Object b) {
        return compare(context.catalog(), context.databaseOid(), type.oid(), a, b);
    }

    /** As {@link #compare(EvalContext, SqlType, Object, Object)} against a catalog snapshot. */
    public static int compare(Catalog catalog, int databaseOid, int typeOid, Object a, Object b) {
        if (a instanceof ArrayValue x && b instanceof ArrayValue y) {
            return compareArrays(catalog, databaseOid, x, y);
        }
        if (a instanceof String x && b instanceof String y && BuiltinTypes.isEnum(typeOid)) {
            EnumType e = enumType(catalog, databaseOid, typeOid);
            if (e != null) {
                return Integer.compare(e.labels().indexOf(x), e.labels().indexOf(y));
            }
        }
        SqlType type = TypeCategory.of(typeOid) == TypeCategory.PSEUDO || BuiltinTypes.isEnum(typeOid)
                ? AnyText.typeOf(a) : SqlType.of(typeOid);
        return Values.compare(type, a, b);
    }

    /** Compares two values of one type known only from their Java class (no enum order). */
    static int compareUntyped(Object a, Object b) {
        return compare(null, 0, AnyText.typeOf(a).oid(), a, b);
    }

    static boolean equalUntyped(Object a, Object b) {
        return compareUntyped(a, b) == 0;
    }

    private static EnumType enumType(Catalog catalog, int databaseOid, int typeOid) {
        DatabaseCatalog objects = catalog == null ? null : catalog.objects(databaseOid);
        return objects == null ? null : objects.enumType(typeOid);
    }

    /** Element by element (NULL elements last), then by size, dimensions and lower bounds. */
    private static int compareArrays(Catalog catalog, int databaseOid, ArrayValue a, ArrayValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? 1 : -1;
                }
                continue;
            }
            int element = a.elementOid() != 0 ? a.elementOid() : AnyText.typeOf(x).oid();
            int c = compare(catalog, databaseOid, element, x, y);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(a.size(), b.size());
        if (c == 0) {
            c = Integer.compare(a.ndims(), b.ndims());
        }
        if (c == 0) {
            c = java.util.Arrays.compare(a.dims(), b.dims());
        }
        return c != 0 ? c : java.util.Arrays.compare(a.lowerBounds(), b.lowerBounds());
    }
}
