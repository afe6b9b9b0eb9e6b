package io.shale.engine.system;

import io.shale.engine.function.ScalarFunction;
import io.shale.engine.function.SetReturningFunction;

import java.util.List;

/**
 * One catalog information function with its PostgreSQL 15 signature, for the function registry
 * to include. Arguments arrive coerced to {@code argumentTypes}, values as in TYPES.md.
 *
 * @param schema the schema it lives in: pg_catalog, or information_schema for _pg_expandarray
 * @param oid PostgreSQL 15's pg_proc oid
 * @param volatility provolatile: {@code i}, {@code s} or {@code v}
 * @param body the implementation
 */
public record CatalogFunction(String schema, String name, long oid, List<Integer> argumentTypes, int returnType,
                              boolean strict, char volatility, Body body) {
    public CatalogFunction {
        argumentTypes = List.copyOf(argumentTypes);
    }

    /** Whether the function returns a set (proretset). */
    public boolean returnsSet() {
        return body instanceof SetReturning;
    }

    /** The implementation of a catalog function. */
    public sealed interface Body permits Scalar, SetReturning {
    }

    /** A function returning one value. */
    public record Scalar(ScalarFunction function) implements Body {
    }

    /** A function returning rows of {@code columns} (record-returning, like _pg_expandarray). */
    public record SetReturning(SetReturningFunction function, List<SystemColumn> columns) implements Body {
        public SetReturning {
            columns = List.copyOf(columns);
        }
    }
}
