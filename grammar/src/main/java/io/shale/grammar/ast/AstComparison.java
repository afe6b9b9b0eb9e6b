package io.shale.grammar.ast;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * Structural equality of AST nodes that ignores the {@code position} components, so that a
 * statement and its formatted-then-reparsed copy compare equal.
 */
public final class AstComparison {
    private static final String POSITION = "position";

    private AstComparison() {
    }

    /** Returns whether the two nodes (or lists of nodes) are equal when positions are ignored. */
    public static boolean equalsIgnoringPositions(Object left, Object right) {
        if (left == right) {
            return true;
        }
        if (left == null || right == null || left.getClass() != right.getClass()) {
            return false;
        }
        if (left instanceof List<?> leftList) {
            List<?> rightList = (List<?>) right;
            if (leftList.size() != rightList.size()) {
                return false;
            }
            for (int i = 0; i < leftList.size(); i++) {
                if (!equalsIgnoringPositions(leftList.get(i), rightList.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (!left.getClass().isRecord()) {
            return Objects.equals(left, right);
        }
        for (RecordComponent component : left.getClass().getRecordComponents()) {
            if (component.getName().equals(POSITION)) {
                continue;
            }
            if (!equalsIgnoringPositions(read(component, left), read(component, right))) {
                return false;
            }
        }
        return true;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read AST component " + component.getName(), e);
        }
    }
}
