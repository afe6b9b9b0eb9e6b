package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

/** The window-only functions (PostgreSQL documentation 9.22). */
final class WindowFunctions {
    private static final SqlType I4 = SqlType.INT4;
    private static final SqlType I8 = SqlType.INT8;
    private static final SqlType F8 = SqlType.FLOAT8;
    private static final SqlType ELEMENT = SqlType.of(TypeOids.ANYELEMENT);

    private WindowFunctions() {
    }

    static void register(Registrar r) {
        r.def("row_number", I8).nonStrict().window((c, f, a) -> (long) f.currentRow() + 1);
        r.def("rank", I8).nonStrict().window((c, f, a) -> (long) f.peerStart() + 1);
        r.def("dense_rank", I8).nonStrict().window((c, f, a) -> (long) f.peerGroupIndex() + 1);
        r.def("percent_rank", F8).nonStrict().window((c, f, a) ->
                f.partitionSize() <= 1 ? 0.0 : (double) f.peerStart() / (f.partitionSize() - 1));
        r.def("cume_dist", F8).nonStrict().window((c, f, a) -> (double) (f.peerEnd() + 1) / f.partitionSize());
        r.def("ntile", I4).args(I4).nonStrict().window((c, f, a) -> ntile(f, a[0]));
        for (String name : new String[] {"lag", "lead"}) {
            int direction = name.equals("lag") ? -1 : 1;
            r.def(name, ELEMENT).args(ELEMENT).nonStrict().window((c, f, a) -> shifted(f, direction, 1, false));
            r.def(name, ELEMENT).args(ELEMENT, I4).nonStrict().window((c, f, a) -> a[1] == null ? null
                    : shifted(f, direction, (int) a[1], false));
            SqlType compatible = SqlType.of(Polymorphism.ANYCOMPATIBLE);
            r.def(name, compatible).args(compatible, I4, compatible).nonStrict().window((c, f, a) -> a[1] == null ? null
                    : shifted(f, direction, (int) a[1], true));
        }
        r.def("first_value", ELEMENT).args(ELEMENT).nonStrict().window((c, f, a) ->
                f.frameEnd() < f.frameStart() ? null : f.argumentAt(0, f.frameStart()));
        r.def("last_value", ELEMENT).args(ELEMENT).nonStrict().window((c, f, a) ->
                f.frameEnd() < f.frameStart() ? null : f.argumentAt(0, f.frameEnd()));
        r.def("nth_value", ELEMENT).args(ELEMENT, I4).nonStrict().window((c, f, a) -> nth(f, a[1]));
    }

    private static Object ntile(WindowFunction.WindowFrame f, Object buckets) {
        if (buckets == null) {
            return null;
        }
        int n = (int) buckets;
        if (n <= 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "argument of ntile must be greater than zero");
        }
        int rows = f.partitionSize();
        int row = f.currentRow();
        int size = rows / n;
        int remainder = rows % n;
        int bigRows = remainder * (size + 1);
        if (row < bigRows) {
            return row / (size + 1) + 1;
        }
        return remainder + (size == 0 ? 0 : (row - bigRows) / size) + 1;
    }

    private static Object shifted(WindowFunction.WindowFrame f, int direction, int offset, boolean withDefault) {
        long row = f.currentRow() + (long) direction * offset;
        if (row >= 0 && row < f.partitionSize()) {
            return f.argumentAt(0, (int) row);
        }
        return withDefault ? f.argumentAt(2, f.currentRow()) : null;
    }

    private static Object nth(WindowFunction.WindowFrame f, Object n) {
        if (n == null) {
            return null;
        }
        int k = (int) n;
        if (k <= 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "argument of nth_value must be greater than zero");
        }
        long row = (long) f.frameStart() + k - 1;
        return row <= f.frameEnd() ? f.argumentAt(0, (int) row) : null;
    }
}
