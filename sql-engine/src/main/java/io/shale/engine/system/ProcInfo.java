package io.shale.engine.system;

import io.shale.catalog.Catalog;

import java.util.List;

/**
 * A function as pg_proc shows it, adapted from the function registry.
 *
 * @param namespaceOid pronamespace (pg_catalog 11; information_schema for _pg_expandarray)
 * @param argumentTypes proargtypes (a variadic argument as its array type, "any" stays "any")
 * @param kind prokind: {@code f} function, {@code a} aggregate, {@code w} window, {@code p} procedure
 * @param volatility provolatile: {@code i}, {@code s} or {@code v}
 * @param variadicType provariadic: the element type of a variadic argument, or 0
 */
public record ProcInfo(long oid, String name, int namespaceOid, List<Integer> argumentTypes, int returnType, char kind,
                       boolean returnsSet, boolean strict, char volatility, int variadicType) {
    public ProcInfo {
        argumentTypes = List.copyOf(argumentTypes);
    }

    /** A function of pg_catalog. */
    public ProcInfo(long oid, String name, List<Integer> argumentTypes, int returnType, char kind,
                    boolean returnsSet, boolean strict, char volatility, int variadicType) {
        this(oid, name, Catalog.PG_CATALOG_NAMESPACE, argumentTypes, returnType, kind, returnsSet, strict,
                volatility, variadicType);
    }
}
