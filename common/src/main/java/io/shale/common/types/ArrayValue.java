package io.shale.common.types;

import java.util.Arrays;

/**
 * An SQL array: element type oid, per-dimension lengths and lower bounds, and the elements in
 * row-major order (SQL NULL elements are Java null). A zero-dimensional array is empty.
 */
public record ArrayValue(int elementOid, int[] dims, int[] lowerBounds, Object[] elements) {
    public ArrayValue {
        if (dims.length != lowerBounds.length) {
            throw new IllegalArgumentException("dims and lower bounds differ in length");
        }
    }

    /** A one-dimensional array with lower bound 1 (an empty array when there are no elements). */
    public static ArrayValue of(int elementOid, Object... elements) {
        if (elements.length == 0) {
            return empty(elementOid);
        }
        return new ArrayValue(elementOid, new int[] {elements.length}, new int[] {1}, elements);
    }

    public static ArrayValue empty(int elementOid) {
        return new ArrayValue(elementOid, new int[0], new int[0], new Object[0]);
    }

    public int ndims() {
        return dims.length;
    }

    public int size() {
        return elements.length;
    }

    public Object get(int index) {
        return elements[index];
    }

    public boolean hasNulls() {
        for (Object e : elements) {
            if (e == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayValue a && a.elementOid == elementOid && Arrays.equals(a.dims, dims)
                && Arrays.equals(a.lowerBounds, lowerBounds) && Arrays.deepEquals(a.elements, elements);
    }

    @Override
    public int hashCode() {
        return (elementOid * 31 + Arrays.hashCode(dims)) * 31 + Arrays.deepHashCode(elements);
    }

    @Override
    public String toString() {
        return "ArrayValue[" + elementOid + ", dims=" + Arrays.toString(dims) + ", lb="
                + Arrays.toString(lowerBounds) + ", " + Arrays.deepToString(elements) + "]";
    }
}
