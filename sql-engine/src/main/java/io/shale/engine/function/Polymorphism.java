package io.shale.engine.function;

import io.shale.common.types.SqlType;
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
            if (TypeRules.isCompatibleFamily(d)) {
                if (a == TypeOids.UNKNOWN) {
                    continue;
                }
                if (d == TypeRules.ANYCOMPATIBLEARRAY) {
                    if (!TypeRules.isArray(a)) {
                        return null;
                    }
                    compatible.add(TypeRules.elementOf(a));
                } else if (d == TypeRules.ANYCOMPATIBLENONARRAY && TypeRules.isArray(a)) {
                    return null;
                } else {
                    compatible.add(a);
                }
                continue;
            }
            if (!TypeRules.isPolymorphic(d) || a == TypeOids.UNKNOWN) {
                if (!TypeRules.isPolymorphic(d) && d != TypeOids.ANY && !TypeRules.implicitlyCastable(a, d)) {
                    return null;
                }
                continue;
            }
            int e;
            if (d == TypeOids.ANYARRAY) {
                e = TypeRules.elementOf(a);
                if (e == 0 || !TypeRules.isArray(a)) {
                    return null;
                }
            } else {
                e = a;
                if (d == TypeOids.ANYNONARRAY && TypeRules.isArray(a)) {
                    return null;
                }
                if (d == TypeOids.ANYENUM && TypeRules.category(a) != 'E') {
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
            } else if (TypeRules.isCompatibleFamily(d)) {
                int t = d == TypeRules.ANYCOMPATIBLEARRAY ? TypeRules.arrayOf(common) : common;
                if (t == 0 || !TypeRules.implicitlyCastable(a.oid(), t)) {
                    return null;
                }
                out.add(t == a.oid() ? a : SqlType.of(t));
            } else if (TypeRules.isPolymorphic(d)) {
                int t = d == TypeOids.ANYARRAY ? TypeRules.arrayOf(element) : element;
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
            if (TypeRules.category(t) != TypeRules.category(common)) {
                return 0;
            }
            if (!TypeRules.preferred(common) && TypeRules.implicitlyCastable(common, t)
                    && !TypeRules.implicitlyCastable(t, common)) {
                common = t;
            }
        }
        for (int t : types) {
            if (!TypeRules.implicitlyCastable(t, common)) {
                return 0;
            }
        }
        return common;
    }

    /** The concrete type of a declared (possibly polymorphic) type given the resolved argument types. */
    static SqlType substitute(SqlType type, List<SqlType> declared, List<SqlType> resolved) {
        if (!TypeRules.isPolymorphic(type.oid())) {
            return type;
        }
        boolean family = TypeRules.isCompatibleFamily(type.oid());
        int element = 0;
        for (int i = 0; i < declared.size() && i < resolved.size() && element == 0; i++) {
            int d = declared.get(i).oid();
            if (TypeRules.isPolymorphic(d) && TypeRules.isCompatibleFamily(d) == family) {
                int r = resolved.get(i).oid();
                element = d == TypeOids.ANYARRAY || d == TypeRules.ANYCOMPATIBLEARRAY ? TypeRules.elementOf(r) : r;
            }
        }
        if (element == 0) {
            element = TypeOids.TEXT;
        }
        boolean array = type.oid() == TypeOids.ANYARRAY || type.oid() == TypeRules.ANYCOMPATIBLEARRAY;
        return SqlType.of(array ? TypeRules.arrayOf(element) : element);
    }
}
