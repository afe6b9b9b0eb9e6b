package io.shale.engine.function;

/**
 * Stand-in for {@code io.shale.common.types.ArrayValue} (TYPES.md) until the common module has
 * it: element type, dimensions, lower bounds and elements in row-major order.
 */
record ArrayValue(int elementOid, int[] dimensions, int[] lowerBounds, Object[] elements) {

    /** A one-dimensional array with lower bound 1 (empty arrays have no dimensions). */
    static ArrayValue of(int elementOid, Object[] elements) {
        if (elements.length == 0) {
            return new ArrayValue(elementOid, new int[0], new int[0], elements);
        }
        return new ArrayValue(elementOid, new int[] {elements.length}, new int[] {1}, elements);
    }

    static ArrayValue of(int elementOid, java.util.List<Object> elements) {
        return of(elementOid, elements.toArray());
    }

    int ndims() {
        return dimensions.length;
    }
}
