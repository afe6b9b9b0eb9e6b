package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.List;

/**
 * percentile_cont, percentile_disc and mode: ordered-set aggregates that receive their rows in
 * WITHIN GROUP order (direct argument first, ordered value last; null values are ignored).
 */
final class OrderedSetAggregates {
    private static final SqlType F8 = SqlType.FLOAT8;
    private static final SqlType ELEMENT = SqlType.of(TypeOids.ANYELEMENT);

    private OrderedSetAggregates() {
    }

    static void register(Registrar r) {
        r.def("percentile_cont", F8).args(F8, F8).nonStrict().orderedSetAggregate((c, t) ->
                new Sorted((fraction, values) -> continuous(fraction, values)));
        r.def("percentile_cont", SqlType.INTERVAL).args(F8, SqlType.INTERVAL).nonStrict().orderedSetAggregate((c, t) ->
                new Sorted((fraction, values) -> continuous(fraction, values)));
        r.def("percentile_disc", ELEMENT).args(F8, ELEMENT).nonStrict().orderedSetAggregate((c, t) ->
                new Sorted(OrderedSetAggregates::discrete));
        r.def("mode", ELEMENT).args(ELEMENT).nonStrict().orderedSetAggregate((c, t) -> new Sorted((f, v) -> mode(v)));
    }

    @FunctionalInterface
    private interface Result {
        Object of(Double fraction, List<Object> sortedValues);
    }

    /** Collects the non-null ordered values (the last argument) and the direct argument (the first). */
    private static final class Sorted implements AggregateFunction.Accumulator {
        private final Result result;
        private final List<Object> values = new ArrayList<>();
        private Double fraction;
        private boolean fractionSeen;

        Sorted(Result result) {
            this.result = result;
        }

        @Override
        public void add(Object[] a) {
            if (!fractionSeen && a.length > 1) {
                fraction = (Double) a[0];
                fractionSeen = true;
            }
            Object v = a[a.length - 1];
            if (v != null) {
                values.add(v);
            }
        }

        @Override
        public Object result() {
            if (values.isEmpty() || fractionSeen && fraction == null) {
                return null;
            }
            return result.of(fraction, values);
        }
    }

    private static double check(Double fraction) {
        if (fraction < 0 || fraction > 1 || fraction.isNaN()) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "percentile value " + io.shale.common.types.TextCodec.format(SqlType.FLOAT8, fraction,
                            io.shale.common.types.FormatSettings.defaults()) + " is not between 0 and 1");
        }
        return fraction;
    }

    private static Object continuous(Double fraction, List<Object> values) {
        double position = check(fraction) * (values.size() - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        Object lo = values.get(low);
        Object hi = values.get(high);
        double weight = position - low;
        if (lo instanceof Interval a) {
            return low == high ? a : a.plus(((Interval) hi).minus(a).multiply(weight));
        }
        double x = (double) lo;
        return low == high ? x : x + weight * ((double) hi - x);
    }

    private static Object discrete(Double fraction, List<Object> values) {
        int index = (int) Math.ceil(check(fraction) * values.size()) - 1;
        return values.get(Math.max(0, index));
    }

    private static Object mode(List<Object> values) {
        Object best = null;
        int bestCount = 0;
        int i = 0;
        while (i < values.size()) {
            int j = i;
            while (j < values.size() && ValueOrder.equalUntyped(values.get(i), values.get(j))) {
                j++;
            }
            if (j - i > bestCount) {
                best = values.get(i);
                bestCount = j - i;
            }
            i = j;
        }
        return best;
    }
}
