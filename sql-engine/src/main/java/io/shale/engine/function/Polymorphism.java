package io.shale.engine.function;

import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.CastContext;
import io.shale.common.types.Casts;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeCategory;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.List;

/**
 * Matching of actual argument types against declared ones, polymorphic pseudo-types included
 * (PostgreSQL's rules: anyelement is the same type everywhere, anyarray is its array, an unknown
 * literal takes the type the other arguments decide, or text when none does; under {@code "any"}
 * it stays unknown, as in PostgreSQL, and its value is the literal's text).
 */
final class Polymorphism {
    /** The anycompatible family of pseudo-types (not in TypeOids). */
    static final int ANYCOMPATIBLE = 5077;
    static final int ANYCOMPATIBLEARRAY = 5078;
    static final int ANYCOMPATIBLENONARRAY = 5079;

    static boolean isPolymorphic(int oid) {
        return oid == TypeOids.ANYELEMENT || oid == TypeOids.ANYARRAY || oid == TypeOids.ANYNONARRAY
                || oid == TypeOids.ANYENUM || isCompatibleFamily(oid);
    }

    static boolean isCompatibleFamily(int oid) {
        return oid == ANYCOMPATIBLE || oid == ANYCOMPATIBLEARRAY || oid == ANYCOMPATIBLENONARRAY;
    }

    /** Whether a value of {@code from} converts to {@code to} implicitly (pg_cast context 'i'). */
    static boolean implicitlyCastable(int from, int to) {
        return to == TypeOids.ANY || Casts.castContext(from, to) == CastContext.IMPLICIT;
    }

    /** Whether the type is an array (int2vector and oidvector count as arrays too). */
    static boolean isArray(int oid) {
        return BuiltinTypes.elementOf(oid) != 0;
    }

    private Polymorphism() {
    }

    /**
     * The type each actual argument must be cast to, or null when the declared types do not
     * accept the actual ones by implicit casts.
     */
    static List<SqlType> targets(List<SqlType> declared, List<SqlType> actual) {
        int element = 0;
        List<Integer> compatible = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            int d = declared.get(i).oid();
            int a = actual.get(i).oid();
            if (isCompatibleFamily(d)) {
                if (a == TypeOids.UNKNOWN) {
                    continue;
                }
                if (d == ANYCOMPATIBLEARRAY) {
                    if (!isArray(a)) {
                        return null;
                    }
                    compatible.add(BuiltinTypes.elementOf(a));
                } else if (d == ANYCOMPATIBLENONARRAY && isArray(a)) {
                    return null;
                } else {
                    compatible.add(a);
                }
                continue;
            }
            if (!isPolymorphic(d) || a == TypeOids.UNKNOWN) {
                if (!isPolymorphic(d) && d != TypeOids.ANY && !implicitlyCastable(a, d)) {
                    return null;
                }
                continue;
            }
            int e;
            if (d == TypeOids.ANYARRAY) {
                e = BuiltinTypes.elementOf(a);
                if (e == 0 || !isArray(a)) {
                    return null;
                }
            } else {
                e = a;
                if (d == TypeOids.ANYNONARRAY && isArray(a)) {
                    return null;
                }
                if (d == TypeOids.ANYENUM && TypeCategory.of(a) != TypeCategory.ENUM) {
                    return null;
                }
            }
            if (element == 0) {
                element = e;
            } else if (element != e) {
                return null;
            }
        }
        if (element == 0) {
            element = TypeOids.TEXT;
        }
        int common = commonType(compatible);
        if (common == 0) {
            return null;
        }
        List<SqlType> out = new ArrayList<>(declared.size());
        for (int i = 0; i < declared.size(); i++) {
            int d = declared.get(i).oid();
            SqlType a = actual.get(i);
            if (d == TypeOids.ANY) {
                out.add(a);
            } else if (isCompatibleFamily(d)) {
                int t = d == ANYCOMPATIBLEARRAY ? BuiltinTypes.arrayOf(common) : common;
                if (t == 0 || !implicitlyCastable(a.oid(), t)) {
                    return null;
                }
                out.add(t == a.oid() ? a : SqlType.of(t));
            } else if (isPolymorphic(d)) {
                int t = d == TypeOids.ANYARRAY ? BuiltinTypes.arrayOf(element) : element;
                if (t == 0) {
                    return null;
                }
                out.add(t == a.oid() ? a : SqlType.of(t));
            } else {
                out.add(d == a.oid() ? a : declared.get(i));
            }
        }
        return out;
    }

    /**
     * The common type of the anycompatible arguments (select_common_type): the first type, moved
     * to a later one of its category that it casts to implicitly but not back, unless preferred;
     * text when there are none; 0 when the categories differ or a type does not cast to it.
     */
    private static int commonType(List<Integer> types) {
        if (types.isEmpty()) {
            return TypeOids.TEXT;
        }
        int common = types.getFirst();
        for (int t : types) {
            if (t == common) {
                continue;
            }
            if (TypeCategory.of(t) != TypeCategory.of(common)) {
                return 0;
            }
            if (!TypeCategory.preferred(common) && implicitlyCastable(common, t)
                    && !implicitlyCastable(t, common)) {
                common = t;
            }
        }
        for (int t : types) {
            if (!implicitlyCastable(t, common)) {
                return 0;
            }
        }
        return common;
    }

    /** The concrete type of a declared (possibly polymorphic) type given the resolved argument types. */
    static SqlType substitute(SqlType type, List<SqlType> declared, List<SqlType> resolved) {
        if (!isPolymorphic(type.oid())) {
            return type;
        }
        boolean family = isCompatibleFamily(type.oid());
        int element = 0;
        for (int i = 0; i < declared.size() && i < resolved.size() && element == 0; i++) {
            int d = declared.get(i).oid();
            if (isPolymorphic(d) && isCompatibleFamily(d) == family) {
                int r = resolved.get(i).oid();
                element = d == TypeOids.ANYARRAY || d == ANYCOMPATIBLEARRAY ? BuiltinTypes.elementOf(r) : r;
            }
        }
        if (element == 0) {
            element = TypeOids.TEXT;
        }
        boolean array = type.oid() == TypeOids.ANYARRAY || type.oid() == ANYCOMPATIBLEARRAY;
        return SqlType.of(array ? BuiltinTypes.arrayOf(element) : element);
    }
}
