package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

/** generate_series over integers, numerics and timestamps; rows are produced lazily. */
final class SeriesFunctions {
    private static final SqlType I4 = SqlType.INT4;
    private static final SqlType I8 = SqlType.INT8;
    private static final SqlType NUM = SqlType.NUMERIC;
    private static final SqlType TS = SqlType.TIMESTAMP;
    private static final SqlType TSTZ = SqlType.TIMESTAMPTZ;
    private static final SqlType IV = SqlType.INTERVAL;

    private SeriesFunctions() {
    }

    static void register(Registrar r) {
        r.def("generate_series", I4).args(I4, I4).setReturning((c, a) -> longs((int) a[0], (int) a[1], 1, true));
        r.def("generate_series", I4).args(I4, I4, I4).setReturning((c, a) -> longs((int) a[0], (int) a[1], (int) a[2], true));
        r.def("generate_series", I8).args(I8, I8).setReturning((c, a) -> longs((long) a[0], (long) a[1], 1, false));
        r.def("generate_series", I8).args(I8, I8, I8).setReturning((c, a) -> longs((long) a[0], (long) a[1], (long) a[2], false));
        r.def("generate_series", NUM).args(NUM, NUM).setReturning((c, a) ->
                decimals((BigDecimal) a[0], (BigDecimal) a[1], BigDecimal.ONE));
        r.def("generate_series", NUM).args(NUM, NUM, NUM).setReturning((c, a) ->
                decimals((BigDecimal) a[0], (BigDecimal) a[1], (BigDecimal) a[2]));
        r.def("generate_series", TS).args(TS, TS, IV).setReturning((c, a) -> {
            Interval step = checkStep((Interval) a[2]);
            int sign = sign(step);
            LocalDateTime stop = (LocalDateTime) a[1];
            return series((LocalDateTime) a[0], t -> DateTimeMath.plus(t, step),
                    t -> sign > 0 ? t.compareTo(stop) <= 0 : t.compareTo(stop) >= 0);
        });
        r.def("generate_series", TSTZ).args(TSTZ, TSTZ, IV).stable().setReturning((c, a) -> {
            Interval step = checkStep((Interval) a[2]);
            int sign = sign(step);
            Instant stop = (Instant) a[1];
            ZoneId zone = c.formatSettings().timeZone();
            return series((Instant) a[0], t -> DateTimeMath.plus(t, step, zone),
                    t -> sign > 0 ? t.compareTo(stop) <= 0 : t.compareTo(stop) >= 0);
        });
    }

    private static ShaleException zeroStep() {
        return new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
    }

    private static Interval checkStep(Interval step) {
        if (sign(step) == 0) {
            throw zeroStep();
        }
        return step;
    }

    private static int sign(Interval v) {
        return Integer.signum(v.compareTo(Interval.ZERO));
    }

    private static Iterator<Object[]> longs(long start, long stop, long step, boolean int4) {
        if (step == 0) {
            throw zeroStep();
        }
        return new Iterator<>() {
            private long next = start;
            private boolean done = step > 0 ? start > stop : start < stop;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Object[] next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                long value = next;
                long following = value + step;
                boolean overflow = ((value ^ following) & (step ^ following)) < 0;
                done = overflow || (step > 0 ? following > stop : following < stop);
                next = following;
                return new Object[] {int4 ? (Object) (int) value : (Object) value};
            }
        };
    }

    private static Iterator<Object[]> decimals(BigDecimal start, BigDecimal stop, BigDecimal step) {
        if (step.signum() == 0) {
            throw zeroStep();
        }
        int sign = step.signum();
        return series(start, v -> v.add(step), v -> sign > 0 ? v.compareTo(stop) <= 0 : v.compareTo(stop) >= 0);
    }

    private static <T> Iterator<Object[]> series(T start, UnaryOperator<T> next, java.util.function.Predicate<T> within) {
        return new Iterator<>() {
            private T current = start;

            @Override
            public boolean hasNext() {
                return within.test(current);
            }

            @Override
            public Object[] next() {
                if (!within.test(current)) {
                    throw new NoSuchElementException();
                }
                T value = current;
                current = next.apply(current);
                return new Object[] {value};
            }
        };
    }
}
