package io.shale.engine;

import io.shale.common.types.SqlType;
import io.shale.engine.function.FunctionDefinition;
import io.shale.engine.function.FunctionKind;
import io.shale.engine.function.Volatility;
import io.shale.engine.system.CatalogFunction;
import io.shale.engine.system.SystemColumn;

import java.util.ArrayList;
import java.util.List;

/** Turns the catalog information functions into function registry entries. */
final class CatalogFunctionAdapter {
    private CatalogFunctionAdapter() {
    }

    static List<FunctionDefinition> adapt(List<CatalogFunction> functions) {
        List<FunctionDefinition> result = new ArrayList<>(functions.size());
        for (CatalogFunction f : functions) {
            List<SqlType> args = new ArrayList<>();
            for (int oid : f.argumentTypes()) {
                args.add(SqlType.of(oid));
            }
            FunctionKind kind = switch (f.body()) {
                case CatalogFunction.Scalar s -> new FunctionKind.Scalar(s.function());
                case CatalogFunction.SetReturning s -> {
                    List<String> names = new ArrayList<>();
                    List<SqlType> types = new ArrayList<>();
                    for (SystemColumn c : s.columns()) {
                        names.add(c.name());
                        types.add(c.type());
                    }
                    yield new FunctionKind.SetReturning(s.function(), names, types);
                }
            };
            Volatility volatility = switch (f.volatility()) {
                case 'i' -> Volatility.IMMUTABLE;
                case 's' -> Volatility.STABLE;
                default -> Volatility.VOLATILE;
            };
            result.add(new FunctionDefinition(f.name(), f.oid(), args, false, SqlType.of(f.returnType()), kind, f.strict(),
                    volatility));
        }
        return result;
    }
}
