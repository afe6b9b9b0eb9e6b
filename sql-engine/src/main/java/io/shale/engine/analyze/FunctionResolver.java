package io.shale.engine.analyze;

import io.shale.common.types.SqlType;

import java.util.List;

/**
 * Overload resolution of functions and operators, as PostgreSQL does it. Unknown-typed
 * arguments ({@link SqlType#UNKNOWN}) are untyped literals or parameters.
 */
public interface FunctionResolver {

    /** 42883 when no function matches, 42725 when several do equally well. */
    ResolvedFunction function(String name, List<SqlType> argumentTypes);

    /** A binary operator, or a prefix operator when {@code left} is null; 42883 when none matches. */
    ResolvedFunction operator(String symbol, SqlType left, SqlType right);

    /** Whether a function of this name exists at all (for error messages and special forms). */
    boolean exists(String name);
}
