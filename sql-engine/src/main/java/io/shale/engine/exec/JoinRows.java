package io.shale.engine.exec;

/** Concatenation of join rows, with nulls for the missing side of outer joins. */
final class JoinRows {
    private JoinRows() {
    }

    static Object[] concat(Object[] left, Object[] right, int leftWidth, int rightWidth) {
        Object[] out = new Object[leftWidth + rightWidth];
        if (left != null) {
            System.arraycopy(left, 0, out, 0, leftWidth);
        }
        if (right != null) {
            System.arraycopy(right, 0, out, leftWidth, rightWidth);
        }
        return out;
    }
}
