package io.shale.common.types;

import java.util.Arrays;

/** A ROW(...) / record value; only its text form is supported. */
public record RowValue(Object[] fields) {
    @Override
    public boolean equals(Object o) {
        return o instanceof RowValue r && Arrays.deepEquals(r.fields, fields);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(fields);
    }

    @Override
    public String toString() {
        return "RowValue" + Arrays.deepToString(fields);
    }
}
