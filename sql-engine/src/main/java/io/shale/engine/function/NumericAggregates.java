package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.types.SqlType;

import java.math.BigDecimal;

/** sum, avg and the variance family, with PostgreSQL's result types and numeric scales. */
final class NumericAggregates {
    private static final SqlType I2 = SqlType.INT2;
    private static final SqlType I4 = SqlType.INT4;
    private static final SqlType I8 = SqlType.INT8;
    private static final SqlType F4 = SqlType.FLOAT4;
    private static final SqlType F8 = SqlType.FLOAT8;
    private static final SqlType NUM = SqlType.NUMERIC;
    private static final SqlType IV = SqlType.INTERVAL;

    private NumericAggregates() {
    }

    static void register(Registrar r) {
        r.def("sum", I8).args(I2).aggregate((c, t) -> new LongSum());
        r.def("sum", I8).args(I4).aggregate((c, t) -> new LongSum());
        r.def("sum", NUM).args(I8).aggregate((c, t) -> new DecimalSum(false));
        r.def("sum", NUM).args(NUM).aggregate((c, t) -> new DecimalSum(false));
        r.def("sum", F4).args(F4).aggregate((c, t) -> new DoubleStats(DoubleStats.SUM4));
        r.def("sum", F8).args(F8).aggregate((c, t) -> new DoubleStats(DoubleStats.SUM));
        r.def("sum", IV).args(IV).aggregate((c, t) -> new IntervalSum(false));
        for (SqlType t : new SqlType[] {I2, I4, I8, NUM}) {
            r.def("avg", NUM).args(t).aggregate((c, types) -> new DecimalSum(true));
        }
        r.def("avg", F8).args(F4).aggregate((c, t) -> new DoubleStats(DoubleStats.AVG));
        r.def("avg", F8).args(F8).aggregate((c, t) -> new DoubleStats(DoubleStats.AVG));
        r.def("avg", IV).args(IV).aggregate((c, t) -> new IntervalSum(true));
        String[] names = {"variance", "var_samp", "var_pop", "stddev", "stddev_samp", "stddev_pop"};
        int[] kinds = {DoubleStats.VAR_SAMP, DoubleStats.VAR_SAMP, DoubleStats.VAR_POP, DoubleStats.STDDEV_SAMP,
            DoubleStats.STDDEV_SAMP, DoubleStats.STDDEV_POP};
        for (int i = 0; i < names.length; i++) {
            int kind = kinds[i];
            for (SqlType t : new SqlType[] {I2, I4, I8, NUM}) {
                r.def(names[i], NUM).args(t).aggregate((c, types) -> new DecimalVariance(kind));
            }
            r.def(names[i], F8).args(F4).aggregate((c, t) -> new DoubleStats(kind));
            r.def(names[i], F8).args(F8).aggregate((c, t) -> new DoubleStats(kind));
        }
    }

    /** sum of int2/int4 as int8. */
    private static final class LongSum implements AggregateFunction.Accumulator {
        private long sum;
        private long count;

        @Override
        public void add(Object[] a) {
            sum = ArithmeticOperators.add8(sum, ((Number) a[0]).longValue());
            count++;
        }

        @Override
        public boolean remove(Object[] a) {
            sum -= ((Number) a[0]).longValue();
            count--;
            return true;
        }

        @Override
        public Object result() {
            return count == 0 ? null : sum;
        }
    }

    /** sum as numeric, or avg when {@code average}. */
    private static final class DecimalSum implements AggregateFunction.Accumulator {
        private final boolean average;
        private BigDecimal sum = BigDecimal.ZERO;
        private long count;

        DecimalSum(boolean average) {
            this.average = average;
        }

        @Override
        public void add(Object[] a) {
            sum = sum.add(Numbers.toBigDecimal(a[0]));
            count++;
        }

        @Override
        public boolean remove(Object[] a) {
            sum = sum.subtract(Numbers.toBigDecimal(a[0]));
            count--;
            return true;
        }

        @Override
        public Object result() {
            if (count == 0) {
                return null;
            }
            return average ? NumericMath.divide(sum, BigDecimal.valueOf(count)) : sum;
        }
    }

    /** Sums and the Youngs-Cramer running variance of float values, as float8_accum keeps them. */
    private static final class DoubleStats implements AggregateFunction.Accumulator {
        static final int SUM = 0;
        static final int SUM4 = 1;
        static final int AVG = 2;
        static final int VAR_SAMP = 3;
        static final int VAR_POP = 4;
        static final int STDDEV_SAMP = 5;
        static final int STDDEV_POP = 6;

        private final int kind;
        private long n;
        private double sx;
        private double sxx;

        DoubleStats(int kind) {
            this.kind = kind;
        }

        @Override
        public void add(Object[] a) {
            double x = ((Number) a[0]).doubleValue();
            n++;
            sx += x;
            if (n > 1) {
                double tmp = x * n - sx;
                sxx += tmp * tmp / (n * (double) (n - 1));
            } else {
                sxx = 0;
            }
        }

        @Override
        public boolean remove(Object[] a) {
            if (kind > AVG) {
                return false;
            }
            n--;
            sx -= ((Number) a[0]).doubleValue();
            return true;
        }

        @Override
        public Object result() {
            return switch (kind) {
                case SUM -> n == 0 ? null : sx;
                case SUM4 -> n == 0 ? null : (Object) (float) sx;
                case AVG -> n == 0 ? null : sx / n;
                case VAR_SAMP -> n < 2 ? null : sxx / (n - 1);
                case VAR_POP -> n == 0 ? null : sxx / n;
                case STDDEV_SAMP -> n < 2 ? null : Math.sqrt(sxx / (n - 1));
                default -> n == 0 ? null : Math.sqrt(sxx / n);
            };
        }
    }

    /** The variance family over exact numbers, as numeric_stddev_internal computes it. */
    private static final class DecimalVariance implements AggregateFunction.Accumulator {
        private final int kind;
        private long n;
        private BigDecimal sx = BigDecimal.ZERO;
        private BigDecimal sxx = BigDecimal.ZERO;

        DecimalVariance(int kind) {
            this.kind = kind;
        }

        @Override
        public void add(Object[] a) {
            BigDecimal x = Numbers.toBigDecimal(a[0]);
            n++;
            sx = sx.add(x);
            sxx = sxx.add(x.multiply(x));
        }

        @Override
        public boolean remove(Object[] a) {
            BigDecimal x = Numbers.toBigDecimal(a[0]);
            n--;
            sx = sx.subtract(x);
            sxx = sxx.subtract(x.multiply(x));
            return true;
        }

        @Override
        public Object result() {
            boolean sample = kind == DoubleStats.VAR_SAMP || kind == DoubleStats.STDDEV_SAMP;
            if (n == 0 || sample && n == 1) {
                return null;
            }
            BigDecimal count = BigDecimal.valueOf(n);
            BigDecimal numerator = count.multiply(sxx).subtract(sx.multiply(sx));
            if (numerator.signum() <= 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal denominator = count.multiply(sample ? BigDecimal.valueOf(n - 1) : count);
            int scale = NumericMath.divisionScale(numerator, denominator);
            BigDecimal variance = numerator.divide(denominator, scale, java.math.RoundingMode.HALF_UP);
            if (kind == DoubleStats.VAR_SAMP || kind == DoubleStats.VAR_POP) {
                return variance;
            }
            return variance.sqrt(new java.math.MathContext(variance.precision() + scale + 10))
                    .setScale(scale, java.math.RoundingMode.HALF_UP);
        }
    }

    /** sum or avg of intervals. */
    private static final class IntervalSum implements AggregateFunction.Accumulator {
        private final boolean average;
        private Interval sum = new Interval(0, 0, 0);
        private long count;

        IntervalSum(boolean average) {
            this.average = average;
        }

        @Override
        public void add(Object[] a) {
            sum = sum.plus((Interval) a[0]);
            count++;
        }

        @Override
        public boolean remove(Object[] a) {
            sum = sum.minus((Interval) a[0]);
            count--;
            return true;
        }

        @Override
        public Object result() {
            if (count == 0) {
                return null;
            }
            return average ? sum.divide(count) : sum;
        }
    }
}
