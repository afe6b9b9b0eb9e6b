package io.shale.engine.function;

import io.shale.common.types.ArrayValue;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Array functions (PostgreSQL documentation 9.19) and the helpers of the array operators. */
final class ArrayFunctions {
    private static final SqlType ARRAY = SqlType.of(TypeOids.ANYARRAY);
    private static final SqlType ELEMENT = SqlType.of(TypeOids.ANYELEMENT);
    private static final SqlType COMPATIBLE = SqlType.of(Polymorphism.ANYCOMPATIBLE);
    private static final SqlType COMPATIBLE_ARRAY = SqlType.of(Polymorphism.ANYCOMPATIBLEARRAY);
    private static final SqlType I4 = SqlType.INT4;
    private static final SqlType TEXT = SqlType.TEXT;

    private ArrayFunctions() {
    }

    static void register(Registrar r) {
        r.def("array_length", I4).args(ARRAY, I4).scalar((c, a) -> dimension((ArrayValue) a[0], (int) a[1], 0));
        r.def("array_upper", I4).args(ARRAY, I4).scalar((c, a) -> dimension((ArrayValue) a[0], (int) a[1], 1));
        r.def("array_lower", I4).args(ARRAY, I4).scalar((c, a) -> dimension((ArrayValue) a[0], (int) a[1], 2));
        r.def("array_ndims", I4).args(ARRAY).scalar((c, a) -> {
            ArrayValue v = (ArrayValue) a[0];
            return v.ndims() == 0 ? null : v.ndims();
        });
        r.def("array_dims", TEXT).args(ARRAY).scalar((c, a) -> dims((ArrayValue) a[0]));
        r.def("cardinality", I4).args(ARRAY).scalar((c, a) -> ((ArrayValue) a[0]).elements().length);
        r.def("array_position", I4).args(COMPATIBLE_ARRAY, COMPATIBLE).nonStrict().scalar((c, a) -> position(a, 1));
        r.def("array_position", I4).args(COMPATIBLE_ARRAY, COMPATIBLE, I4).nonStrict().scalar((c, a) -> position(a,
                a[2] == null ? -1 : (int) a[2]));
        r.def("array_positions", SqlType.of(TypeOids.INT4_ARRAY)).args(COMPATIBLE_ARRAY, COMPATIBLE).nonStrict()
                .scalar((c, a) -> positions(a));
        r.def("array_append", COMPATIBLE_ARRAY).args(COMPATIBLE_ARRAY, COMPATIBLE).nonStrict().scalar((c, a) -> append((ArrayValue) a[0], a[1]));
        r.def("array_prepend", COMPATIBLE_ARRAY).args(COMPATIBLE, COMPATIBLE_ARRAY).nonStrict().scalar((c, a) -> prepend(a[0], (ArrayValue) a[1]));
        r.def("array_cat", COMPATIBLE_ARRAY).args(COMPATIBLE_ARRAY, COMPATIBLE_ARRAY).nonStrict().scalar((c, a) -> cat((ArrayValue) a[0], (ArrayValue) a[1]));
        r.def("array_remove", COMPATIBLE_ARRAY).args(COMPATIBLE_ARRAY, COMPATIBLE).nonStrict().scalar((c, a) -> replace((ArrayValue) a[0], a[1], null, true));
        r.def("array_replace", COMPATIBLE_ARRAY).args(COMPATIBLE_ARRAY, COMPATIBLE, COMPATIBLE).nonStrict()
                .scalar((c, a) -> replace((ArrayValue) a[0], a[1], a[2], false));
        r.def("array_to_string", TEXT).args(ARRAY, TEXT).stable()
                .scalar((c, a) -> arrayToString(c, (ArrayValue) a[0], (String) a[1], null));
        r.def("array_to_string", TEXT).args(ARRAY, TEXT, TEXT).nonStrict().stable().scalar((c, a) ->
                a[0] == null || a[1] == null ? null : arrayToString(c, (ArrayValue) a[0], (String) a[1], (String) a[2]));
        r.def("array_fill", ARRAY).args(ELEMENT, SqlType.of(TypeOids.INT4_ARRAY)).nonStrict()
                .scalar((c, a) -> fill(a[0], (ArrayValue) a[1]));
        r.def("unnest", ELEMENT).args(ARRAY).setReturning((c, a) -> unnest((ArrayValue) a[0]));
        r.def("generate_subscripts", I4).args(ARRAY, I4).setReturning((c, a) -> subscripts((ArrayValue) a[0], (int) a[1], false));
        r.def("generate_subscripts", I4).args(ARRAY, I4, SqlType.BOOL)
                .setReturning((c, a) -> subscripts((ArrayValue) a[0], (int) a[1], (boolean) a[2]));
    }

    private static Integer dimension(ArrayValue v, int dim, int what) {
        if (dim < 1 || dim > v.ndims()) {
            return null;
        }
        int length = v.dims()[dim - 1];
        int lower = v.lowerBounds()[dim - 1];
        return switch (what) {
            case 0 -> length;
            case 1 -> lower + length - 1;
            default -> lower;
        };
    }

    private static String dims(ArrayValue v) {
        if (v.ndims() == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < v.ndims(); d++) {
            sb.append('[').append(v.lowerBounds()[d]).append(':').append(v.lowerBounds()[d] + v.dims()[d] - 1)
                    .append(']');
        }
        return sb.toString();
    }

    private static void requireOneDimension(ArrayValue v) {
        if (v.ndims() > 1) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "searching for elements in multidimensional arrays is not supported");
        }
    }

    private static Integer position(Object[] a, int start) {
        if (a[0] == null) {
            return null;
        }
        ArrayValue v = (ArrayValue) a[0];
        requireOneDimension(v);
        if (start == -1) {
            throw new ShaleException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "initial position must not be null");
        }
        int lower = v.ndims() == 0 ? 1 : v.lowerBounds()[0];
        Object[] e = v.elements();
        for (int i = Math.max(0, start - lower); i < e.length; i++) {
            if (same(e[i], a[1])) {
                return lower + i;
            }
        }
        return null;
    }

    private static ArrayValue positions(Object[] a) {
        if (a[0] == null) {
            return null;
        }
        ArrayValue v = (ArrayValue) a[0];
        requireOneDimension(v);
        int lower = v.ndims() == 0 ? 1 : v.lowerBounds()[0];
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.elements().length; i++) {
            if (same(v.elements()[i], a[1])) {
                out.add(lower + i);
            }
        }
        return ArrayValue.of(TypeOids.INT4, out.toArray());
    }

    /** IS NOT DISTINCT FROM. */
    static boolean same(Object x, Object y) {
        return x == null ? y == null : y != null && ValueOrder.equalUntyped(x, y);
    }

    /** The element oid a new array takes from its element (0 for NULL; the resolved type rules). */
    private static int elementOidOf(Object element) {
        return element == null ? 0 : AnyText.typeOf(element).oid();
    }

    static ArrayValue append(ArrayValue v, Object element) {
        if (v == null) {
            return ArrayValue.of(elementOidOf(element), new Object[] {element});
        }
        if (v.ndims() > 1) {
            throw new ShaleException(ErrorCode.DATA_EXCEPTION, "argument must be empty or one-dimensional array");
        }
        Object[] e = java.util.Arrays.copyOf(v.elements(), v.elements().length + 1);
        e[e.length - 1] = element;
        int lower = v.ndims() == 0 ? 1 : v.lowerBounds()[0];
        return new ArrayValue(v.elementOid(), new int[] {e.length}, new int[] {lower}, e);
    }

    static ArrayValue prepend(Object element, ArrayValue v) {
        if (v == null) {
            return ArrayValue.of(elementOidOf(element), new Object[] {element});
        }
        if (v.ndims() > 1) {
            throw new ShaleException(ErrorCode.DATA_EXCEPTION, "argument must be empty or one-dimensional array");
        }
        Object[] e = new Object[v.elements().length + 1];
        e[0] = element;
        System.arraycopy(v.elements(), 0, e, 1, v.elements().length);
        int lower = v.ndims() == 0 ? 1 : v.lowerBounds()[0];
        return new ArrayValue(v.elementOid(), new int[] {e.length}, new int[] {lower}, e);
    }

    static ArrayValue cat(ArrayValue x, ArrayValue y) {
        if (x == null || x.ndims() == 0) {
            return y;
        }
        if (y == null || y.ndims() == 0) {
            return x;
        }
        Object[] e = java.util.Arrays.copyOf(x.elements(), x.elements().length + y.elements().length);
        System.arraycopy(y.elements(), 0, e, x.elements().length, y.elements().length);
        if (x.ndims() == y.ndims()) {
            int[] dims = x.dims().clone();
            for (int d = 1; d < dims.length; d++) {
                if (dims[d] != y.dims()[d]) {
                    throw incompatible();
                }
            }
            dims[0] += y.dims()[0];
            return new ArrayValue(x.elementOid(), dims, x.lowerBounds().clone(), e);
        }
        if (x.ndims() == y.ndims() + 1) {
            int[] dims = x.dims().clone();
            dims[0]++;
            return new ArrayValue(x.elementOid(), dims, x.lowerBounds().clone(), e);
        }
        if (y.ndims() == x.ndims() + 1) {
            int[] dims = y.dims().clone();
            dims[0]++;
            return new ArrayValue(y.elementOid(), dims, y.lowerBounds().clone(), e);
        }
        throw incompatible();
    }

    private static ShaleException incompatible() {
        return new ShaleException(ErrorCode.DATA_EXCEPTION, "cannot concatenate incompatible arrays");
    }

    private static ArrayValue replace(ArrayValue v, Object search, Object replacement, boolean remove) {
        if (v == null) {
            return null;
        }
        if (remove) {
            requireOneDimension(v);
        }
        List<Object> out = new ArrayList<>(v.elements().length);
        for (Object e : v.elements()) {
            if (same(e, search)) {
                if (!remove) {
                    out.add(replacement);
                }
            } else {
                out.add(e);
            }
        }
        if (!remove) {
            return new ArrayValue(v.elementOid(), v.dims(), v.lowerBounds(), out.toArray());
        }
        if (out.isEmpty() || v.ndims() == 0) {
            return ArrayValue.of(v.elementOid(), out.toArray());
        }
        return new ArrayValue(v.elementOid(), new int[] {out.size()}, new int[] {v.lowerBounds()[0]}, out.toArray());
    }

    static boolean contains(ArrayValue container, ArrayValue contained) {
        for (Object x : contained.elements()) {
            boolean found = false;
            for (Object y : container.elements()) {
                if (x != null && y != null && ValueOrder.equalUntyped(x, y)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static boolean overlaps(ArrayValue x, ArrayValue y) {
        for (Object a : x.elements()) {
            for (Object b : y.elements()) {
                if (a != null && b != null && ValueOrder.equalUntyped(a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String arrayToString(EvalContext c, ArrayValue v, String delimiter, String nullString) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Object e : v.elements()) {
            if (e == null && nullString == null) {
                continue;
            }
            if (!first) {
                sb.append(delimiter);
            }
            sb.append(e == null ? nullString : AnyText.format(e, c));
            first = false;
        }
        return sb.toString();
    }

    private static ArrayValue fill(Object value, ArrayValue dims) {
        if (dims == null) {
            throw new ShaleException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "dimension array or low bound array cannot be null");
        }
        int n = dims.elements().length;
        int[] d = new int[n];
        int[] lower = new int[n];
        long total = n == 0 ? 0 : 1;
        for (int i = 0; i < n; i++) {
            Object x = dims.elements()[i];
            if (x == null) {
                throw new ShaleException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "dimension values cannot be null");
            }
            d[i] = (int) x;
            lower[i] = 1;
            total *= Math.max(0, d[i]);
        }
        Object[] e = new Object[(int) total];
        java.util.Arrays.fill(e, value);
        if (total == 0) {
            return ArrayValue.of(elementOidOf(value), e);
        }
        return new ArrayValue(elementOidOf(value), d, lower, e);
    }

    private static Iterator<Object[]> unnest(ArrayValue v) {
        Object[] e = v.elements();
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < e.length;
            }

            @Override
            public Object[] next() {
                return new Object[] {e[i++]};
            }
        };
    }

    private static Iterator<Object[]> subscripts(ArrayValue v, int dim, boolean reverse) {
        List<Object[]> out = new ArrayList<>();
        if (dim >= 1 && dim <= v.ndims()) {
            int lower = v.lowerBounds()[dim - 1];
            int upper = lower + v.dims()[dim - 1] - 1;
            for (int i = 0; i <= upper - lower; i++) {
                out.add(new Object[] {reverse ? upper - i : lower + i});
            }
        }
        return out.iterator();
    }
}
