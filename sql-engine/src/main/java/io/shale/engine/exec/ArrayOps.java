package io.shale.engine.exec;

import io.shale.common.types.ArrayValue;

import java.util.Arrays;

/** Array construction, subscripts and slices with PostgreSQL's rules (out of range gives null). */
final class ArrayOps {
    private ArrayOps() {
    }

    /** ARRAY[…]: nested arrays of equal shape make a multi-dimensional array. */
    static ArrayValue build(int elementOid, Object[] values) {
        if (values.length > 0 && values[0] instanceof ArrayValue first) {
            int inner = first.elements().length;
            Object[] flat = new Object[values.length * inner];
            for (int i = 0; i < values.length; i++) {
                ArrayValue a = (ArrayValue) values[i];
                System.arraycopy(a.elements(), 0, flat, i * inner, inner);
            }
            int[] dims = new int[first.dims().length + 1];
            dims[0] = values.length;
            System.arraycopy(first.dims(), 0, dims, 1, first.dims().length);
            int[] lower = new int[dims.length];
            Arrays.fill(lower, 1);
            return new ArrayValue(elementOid, dims, lower, flat);
        }
        return ArrayValue.of(elementOid, values);
    }

    static Object element(ArrayValue array, int subscript) {
        if (array.dims().length != 1) {
            return null;
        }
        int index = subscript - array.lowerBounds()[0];
        return index < 0 || index >= array.elements().length ? null : array.elements()[index];
    }

    static ArrayValue slice(ArrayValue array, Integer lower, Integer upper) {
        if (array.dims().length != 1) {
            return ArrayValue.empty(array.elementOid());
        }
        int lb = array.lowerBounds()[0];
        int from = Math.max(lower == null ? lb : lower, lb);
        int to = Math.min(upper == null ? lb + array.elements().length - 1 : upper, lb + array.elements().length - 1);
        if (from > to) {
            return ArrayValue.empty(array.elementOid());
        }
        return ArrayValue.of(array.elementOid(), Arrays.copyOfRange(array.elements(), from - lb, to - lb + 1));
    }
}
