package io.shale.engine.function;

import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.List;

/**
 * One built-in function as pg_proc knows it: name, oid, declared argument types (polymorphic
 * pseudo-types allowed), return type and implementation. For a variadic function the last
 * argument type is the type of each variadic element ({@code "any"} included) and the
 * implementation receives the variadic arguments spread out, one array slot each.
 *
 * @param name proname
 * @param oid the pg_proc oid (PostgreSQL 15's where it has one, else from 9000 up)
 * @param argumentTypes declared argument types
 * @param variadic whether the last argument repeats
 * @param returnType declared return type (per row for set-returning functions; may be polymorphic)
 * @param kind the kind and implementation
 * @param strict whether a null argument gives null without a call
 * @param volatility provolatile
 */
public record FunctionDefinition(String name, long oid, List<SqlType> argumentTypes, boolean variadic,
                                 SqlType returnType, FunctionKind kind, boolean strict,
                                 Volatility volatility) {
    public FunctionDefinition {
        argumentTypes = List.copyOf(argumentTypes);
    }

    /** pg_proc.pronargs. */
    public int pronargs() {
        return argumentTypes.size();
    }

    /** pg_proc.proargtypes: a variadic argument of a non-"any" type is shown as its array type. */
    public List<Long> proargtypes() {
        Long[] oids = new Long[argumentTypes.size()];
        for (int i = 0; i < oids.length; i++) {
            int oid = argumentTypes.get(i).oid();
            if (variadic && i == oids.length - 1 && oid != TypeOids.ANY) {
                oid = io.shale.common.types.BuiltinTypes.arrayOf(oid);
            }
            oids[i] = (long) oid;
        }
        return List.of(oids);
    }

    /** pg_proc.prorettype. */
    public long prorettype() {
        return returnType.oid();
    }

    /** pg_proc.prokind. */
    public char prokind() {
        return kind.prokind();
    }

    /** pg_proc.proretset. */
    public boolean proretset() {
        return kind instanceof FunctionKind.SetReturning;
    }

    /** pg_proc.provariadic: the element type of the variadic argument, or 0. */
    public long provariadic() {
        return variadic ? argumentTypes.getLast().oid() : 0;
    }
}
