package io.shale.engine.analyze;

import io.shale.common.types.SqlType;
import io.shale.engine.function.FunctionDefinition;
import io.shale.engine.function.FunctionKind;
import io.shale.engine.function.FunctionRegistry;
import io.shale.engine.function.OperatorRegistry;
import io.shale.engine.function.OperatorResolution;
import io.shale.engine.function.Resolution;
import io.shale.engine.function.Volatility;
import io.shale.engine.plan.OutputColumn;

import java.util.ArrayList;
import java.util.List;

/** Function and operator resolution backed by the built-in function and operator registries. */
public final class RegistryFunctionResolver implements FunctionResolver {
    private final FunctionRegistry functions;
    private final OperatorRegistry operators;

    public RegistryFunctionResolver(FunctionRegistry functions, OperatorRegistry operators) {
        this.functions = functions;
        this.operators = operators;
    }

    @Override
    public ResolvedFunction function(String name, List<SqlType> argumentTypes) {
        Resolution r = functions.resolve(name, argumentTypes);
        List<OutputColumn> columns = new ArrayList<>();
        if (r.definition().kind() instanceof FunctionKind.SetReturning) {
            List<String> names = r.outputColumnNames();
            List<SqlType> types = r.outputColumnTypes();
            for (int i = 0; i < types.size(); i++) {
                columns.add(OutputColumn.of(names.get(i), types.get(i)));
            }
        }
        return resolved(r.definition(), r.argumentTypes(), r.returnType(), columns);
    }

    @Override
    public ResolvedFunction operator(String symbol, SqlType left, SqlType right) {
        OperatorResolution r = left == null ? operators.resolvePrefix(symbol, right)
                : operators.resolveBinary(symbol, left, right);
        List<SqlType> types = left == null ? List.of(r.rightType()) : List.of(r.leftType(), r.rightType());
        return resolved(r.function(), types, r.returnType(), List.of());
    }

    @Override
    public boolean exists(String name) {
        return !functions.lookup(name).isEmpty();
    }

    private static ResolvedFunction resolved(FunctionDefinition d, List<SqlType> argumentTypes, SqlType returnType,
                                             List<OutputColumn> columns) {
        boolean volatileFunction = d.volatility() == Volatility.VOLATILE;
        return switch (d.kind()) {
            case FunctionKind.Scalar s -> new ResolvedFunction(d.name(), ResolvedFunction.Kind.SCALAR, argumentTypes,
                    returnType, d.strict(), volatileFunction, s.implementation().specialize(argumentTypes), null, null, null,
                    columns);
            case FunctionKind.Aggregate a -> new ResolvedFunction(d.name(), ResolvedFunction.Kind.AGGREGATE, argumentTypes,
                    returnType, d.strict(), volatileFunction, null, a.implementation(), null, null, columns);
            case FunctionKind.Window w -> new ResolvedFunction(d.name(), ResolvedFunction.Kind.WINDOW, argumentTypes,
                    returnType, d.strict(), volatileFunction, null, null, w.implementation(), null, columns);
            case FunctionKind.SetReturning s -> new ResolvedFunction(d.name(), ResolvedFunction.Kind.SET_RETURNING,
                    argumentTypes, returnType, d.strict(), volatileFunction, null, null, null, s.implementation(), columns);
        };
    }
}
