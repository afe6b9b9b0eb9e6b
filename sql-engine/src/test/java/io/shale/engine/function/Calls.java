package io.shale.engine.function;

import io.shale.common.types.ArrayValue;
import io.shale.common.types.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Test helper: resolves and runs functions and operators the way the executor will. */
final class Calls {
    static final FunctionRegistry FUNCTIONS = new FunctionRegistry();
    static final OperatorRegistry OPERATORS = new OperatorRegistry();

    final FakeEvalContext context = new FakeEvalContext();

    /** Calls {@code name} with arguments of the given types; strict functions yield null on a null argument. */
    Object call(String name, List<SqlType> types, Object... args) {
        Resolution r = FUNCTIONS.resolve(name, types);
        FunctionKind.Scalar scalar = (FunctionKind.Scalar) r.definition().kind();
        if (r.definition().strict() && Arrays.asList(args).contains(null)) {
            return null;
        }
        return scalar.implementation().specialize(r.argumentTypes()).apply(context, args);
    }

    List<Object[]> rows(String name, List<SqlType> types, Object... args) {
        Resolution r = FUNCTIONS.resolve(name, types);
        FunctionKind.SetReturning srf = (FunctionKind.SetReturning) r.definition().kind();
        List<Object[]> out = new ArrayList<>();
        for (Iterator<Object[]> it = srf.implementation().apply(context, args); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    List<Object> column(String name, List<SqlType> types, Object... args) {
        List<Object> out = new ArrayList<>();
        for (Object[] row : rows(name, types, args)) {
            out.add(row[0]);
        }
        return out;
    }

    Object binary(String symbol, SqlType left, SqlType right, Object a, Object b) {
        OperatorResolution r = OPERATORS.resolveBinary(symbol, left, right);
        return ((FunctionKind.Scalar) r.function().kind()).implementation().apply(context, new Object[] {a, b});
    }

    Object prefix(String symbol, SqlType operand, Object a) {
        OperatorResolution r = OPERATORS.resolvePrefix(symbol, operand);
        return ((FunctionKind.Scalar) r.function().kind()).implementation().apply(context, new Object[] {a});
    }

    /** Runs an aggregate over rows of one or more arguments, skipping rows with nulls when strict. */
    Object aggregate(String name, List<SqlType> types, Object[]... rows) {
        Resolution r = FUNCTIONS.resolve(name, types);
        FunctionKind.Aggregate agg = (FunctionKind.Aggregate) r.definition().kind();
        AggregateFunction.Accumulator acc = agg.implementation().create(context, r.argumentTypes());
        for (Object[] row : rows) {
            if (r.definition().strict() && Arrays.asList(row).contains(null)) {
                continue;
            }
            acc.add(row);
        }
        return acc.result();
    }

    /** Rows of a single argument. */
    static Object[][] values(Object... values) {
        Object[][] rows = new Object[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new Object[] {values[i]};
        }
        return rows;
    }

    static String text(Object value) {
        return value == null ? null : io.shale.common.types.TextCodec.format(AnyText.typeOf(value), value,
                io.shale.common.types.FormatSettings.defaults());
    }

    static ArrayValue array(int elementOid, Object... elements) {
        return ArrayValue.of(elementOid, elements);
    }
}
