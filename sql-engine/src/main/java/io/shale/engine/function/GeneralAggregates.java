package io.shale.engine.function;

import io.shale.common.types.ArrayValue;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** count, min, max, bool_and/bool_or/every, bit_and/bit_or, string_agg and array_agg. */
final class GeneralAggregates {
    private static final SqlType BOOL = SqlType.BOOL;
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType BYTEA = SqlType.BYTEA;
    private static final int[] ORDERED = {
        TypeOids.INT2, TypeOids.INT4, TypeOids.INT8, TypeOids.FLOAT4, TypeOids.FLOAT8, TypeOids.NUMERIC,
        TypeOids.TEXT, TypeOids.BPCHAR, TypeOids.OID, TypeOids.DATE, TypeOids.TIME, TypeOids.TIMETZ,
        TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ, TypeOids.INTERVAL, TypeOids.ANYARRAY, TypeOids.ANYENUM,
        TypeOids.INET, TypeOids.MONEY, TypeOids.BOOL, TypeOids.UUID, TypeOids.BYTEA,
    };

    private GeneralAggregates() {
    }

    static void register(Registrar r) {
        r.def("count", SqlType.INT8).aggregate((c, t) -> new Count());
        r.def("count", SqlType.INT8).args(SqlType.of(TypeOids.ANY)).aggregate((c, t) -> new Count());
        for (int oid : ORDERED) {
            SqlType t = SqlType.of(oid);
            if (oid != TypeOids.BOOL && oid != TypeOids.UUID && oid != TypeOids.BYTEA) {
                r.def("min", t).args(t).aggregate((c, types) -> new Extreme(-1, c, actual(types, t)));
                r.def("max", t).args(t).aggregate((c, types) -> new Extreme(1, c, actual(types, t)));
            }
        }
        r.def("bool_and", BOOL).args(BOOL).aggregate((c, t) -> new BoolAccumulator(true));
        r.def("every", BOOL).args(BOOL).aggregate((c, t) -> new BoolAccumulator(true));
        r.def("bool_or", BOOL).args(BOOL).aggregate((c, t) -> new BoolAccumulator(false));
        for (SqlType t : new SqlType[] {SqlType.INT2, SqlType.INT4, SqlType.INT8}) {
            r.def("bit_and", t).args(t).aggregate((c, types) -> new BitAccumulator(true));
            r.def("bit_or", t).args(t).aggregate((c, types) -> new BitAccumulator(false));
        }
        r.def("string_agg", TEXT).args(TEXT, TEXT).nonStrict().aggregate((c, t) -> new StringAgg());
        r.def("string_agg", BYTEA).args(BYTEA, BYTEA).nonStrict().aggregate((c, t) -> new BytesAgg());
        r.def("array_agg", SqlType.of(TypeOids.ANYARRAY)).args(SqlType.of(TypeOids.ANYNONARRAY)).nonStrict()
                .aggregate((c, t) -> new ArrayAgg(t.isEmpty() ? 0 : t.getFirst().oid()));
        r.def("array_agg", SqlType.of(TypeOids.ANYARRAY)).args(SqlType.of(TypeOids.ANYARRAY)).nonStrict()
                .aggregate((c, t) -> new ArrayOfArraysAgg());
    }

    /** count(*) and count(x): the executor passes only rows whose argument is not null. */
    private static final class Count implements AggregateFunction.Accumulator {
        private long count;

        @Override
        public void add(Object[] a) {
            count++;
        }

        @Override
        public boolean remove(Object[] a) {
            count--;
            return true;
        }

        @Override
        public Object result() {
            return count;
        }
    }

    private static SqlType actual(List<SqlType> types, SqlType declared) {
        return types.isEmpty() ? declared : types.getFirst();
    }

    /** min (sign -1) or max (sign 1), in the order of the argument's type (enums by label position). */
    private static final class Extreme implements AggregateFunction.Accumulator {
        private final int sign;
        private final EvalContext context;
        private final SqlType type;
        private Object best;

        Extreme(int sign, EvalContext context, SqlType type) {
            this.sign = sign;
            this.context = context;
            this.type = type;
        }

        @Override
        public void add(Object[] a) {
            if (best == null || ValueOrder.compare(context, type, a[0], best) * sign > 0) {
                best = a[0];
            }
        }

        @Override
        public Object result() {
            return best;
        }
    }

    private static final class BoolAccumulator implements AggregateFunction.Accumulator {
        private final boolean and;
        private long trues;
        private long count;

        BoolAccumulator(boolean and) {
            this.and = and;
        }

        @Override
        public void add(Object[] a) {
            count++;
            if ((Boolean) a[0]) {
                trues++;
            }
        }

        @Override
        public boolean remove(Object[] a) {
            count--;
            if ((Boolean) a[0]) {
                trues--;
            }
            return true;
        }

        @Override
        public Object result() {
            if (count == 0) {
                return null;
            }
            return and ? trues == count : trues > 0;
        }
    }

    private static final class BitAccumulator implements AggregateFunction.Accumulator {
        private final boolean and;
        private Object value;

        BitAccumulator(boolean and) {
            this.and = and;
        }

        @Override
        public void add(Object[] a) {
            if (value == null) {
                value = a[0];
                return;
            }
            value = switch (a[0]) {
                case Short s -> (short) (and ? (Short) value & s : (Short) value | s);
                case Integer i -> and ? (Integer) value & i : (Integer) value | i;
                default -> and ? (Long) value & (Long) a[0] : (Long) value | (Long) a[0];
            };
        }

        @Override
        public Object result() {
            return value;
        }
    }

    private static final class StringAgg implements AggregateFunction.Accumulator {
        private StringBuilder text;

        @Override
        public void add(Object[] a) {
            if (a[0] == null) {
                return;
            }
            if (text == null) {
                text = new StringBuilder();
            } else if (a[1] != null) {
                text.append((String) a[1]);
            }
            text.append((String) a[0]);
        }

        @Override
        public Object result() {
            return text == null ? null : text.toString();
        }
    }

    private static final class BytesAgg implements AggregateFunction.Accumulator {
        private ByteArrayOutputStream bytes;

        @Override
        public void add(Object[] a) {
            if (a[0] == null) {
                return;
            }
            if (bytes == null) {
                bytes = new ByteArrayOutputStream();
            } else if (a[1] != null) {
                bytes.writeBytes((byte[]) a[1]);
            }
            bytes.writeBytes((byte[]) a[0]);
        }

        @Override
        public Object result() {
            return bytes == null ? null : bytes.toByteArray();
        }
    }

    /** array_agg over arrays: one more dimension; all inputs must have the same dimensions. */
    private static final class ArrayOfArraysAgg implements AggregateFunction.Accumulator {
        private final List<Object> elements = new ArrayList<>();
        private ArrayValue first;
        private int count;

        @Override
        public void add(Object[] a) {
            if (a[0] == null) {
                throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.NULL_VALUE_NOT_ALLOWED,
                        "cannot accumulate null arrays");
            }
            ArrayValue v = (ArrayValue) a[0];
            if (v.ndims() == 0) {
                throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.DATA_EXCEPTION,
                        "cannot accumulate empty arrays");
            }
            if (first == null) {
                first = v;
            } else if (!java.util.Arrays.equals(first.dims(), v.dims())) {
                throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.DATA_EXCEPTION,
                        "cannot accumulate arrays of different dimensionality");
            }
            elements.addAll(java.util.Arrays.asList(v.elements()));
            count++;
        }

        @Override
        public Object result() {
            if (first == null) {
                return null;
            }
            int n = first.ndims();
            int[] dims = new int[n + 1];
            int[] lower = new int[n + 1];
            dims[0] = count;
            lower[0] = 1;
            System.arraycopy(first.dims(), 0, dims, 1, n);
            System.arraycopy(first.lowerBounds(), 0, lower, 1, n);
            return new ArrayValue(first.elementOid(), dims, lower, elements.toArray());
        }
    }

    private static final class ArrayAgg implements AggregateFunction.Accumulator {
        private final int elementOid;
        private final List<Object> values = new ArrayList<>();

        ArrayAgg(int elementOid) {
            this.elementOid = elementOid;
        }

        @Override
        public void add(Object[] a) {
            values.add(a[0]);
        }

        @Override
        public Object result() {
            return values.isEmpty() ? null : ArrayValue.of(elementOid, values.toArray());
        }
    }
}
