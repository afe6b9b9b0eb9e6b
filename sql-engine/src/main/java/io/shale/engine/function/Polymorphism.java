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
        for (int i = 0; i < declared.size(); i++) {
            int d = declared.get(i).oid();
            int a = actual.get(i).oid();
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
        List<SqlType> out = new ArrayList<>(declared.size());
        for (int i = 0; i < declared.size(); i++) {
            int d = declared.get(i).oid();
            SqlType a = actual.get(i);
            if (d == TypeOids.ANY) {
                out.add(a);
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

    /** The concrete type of a declared (possibly polymorphic) type given the resolved argument types. */
    static SqlType substitute(SqlType type, List<SqlType> declared, List<SqlType> resolved) {
        if (!TypeRules.isPolymorphic(type.oid())) {
            return type;
        }
        int element = 0;
        for (int i = 0; i < declared.size() && i < resolved.size() && element == 0; i++) {
            int d = declared.get(Math.min(i, declared.size() - 1)).oid();
            if (TypeRules.isPolymorphic(d)) {
                int r = resolved.get(i).oid();
                element = d == TypeOids.ANYARRAY ? TypeRules.elementOf(r) : r;
            }
        }
        if (element == 0) {
            element = TypeOids.TEXT;
        }
        return SqlType.of(type.oid() == TypeOids.ANYARRAY ? TypeRules.arrayOf(element) : element);
    }
}
