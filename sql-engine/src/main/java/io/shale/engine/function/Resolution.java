package io.shale.engine.function;

import io.shale.common.types.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * The function chosen for a call: each actual argument must be cast to the matching entry of
 * {@code argumentTypes} (one per actual argument, variadic ones included), and the call yields
 * {@code returnType} (polymorphic types resolved).
 */
public record Resolution(FunctionDefinition definition, List<SqlType> argumentTypes, SqlType returnType) {
    public Resolution {
        argumentTypes = List.copyOf(argumentTypes);
    }

    /** The output column types of a set-returning function, polymorphic types resolved. */
    public List<SqlType> outputColumnTypes() {
        if (!(definition.kind() instanceof FunctionKind.SetReturning srf) || srf.columnTypes().isEmpty()) {
            return List.of(returnType);
        }
        List<SqlType> out = new ArrayList<>(srf.columnTypes().size());
        for (SqlType t : srf.columnTypes()) {
            out.add(Polymorphism.substitute(t, definition.argumentTypes(), argumentTypes));
        }
        return out;
    }

    /** The output column names of a set-returning function (the function's name for one column). */
    public List<String> outputColumnNames() {
        if (definition.kind() instanceof FunctionKind.SetReturning srf && !srf.columnNames().isEmpty()) {
            return srf.columnNames();
        }
        return List.of(definition.name());
    }
}
