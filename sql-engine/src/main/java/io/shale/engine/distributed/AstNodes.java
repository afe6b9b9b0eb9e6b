package io.shale.engine.distributed;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Generic walks over the grammar's AST, whose nodes are records and lists of records: collecting nodes of a type
 * and rebuilding a tree with some nodes replaced. Used to substitute shard names and bound parameters in task text.
 */
final class AstNodes {
    /** Accessors and canonical constructor of one record class, computed once per class. */
    private record Shape(Method[] accessors, Constructor<?> constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            try {
                RecordComponent[] components = type.getRecordComponents();
                Method[] accessors = new Method[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    accessors[i] = components[i].getAccessor();
                    types[i] = components[i].getType();
                }
                return new Shape(accessors, type.getDeclaredConstructor(types));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    private AstNodes() {
    }

    /** Every node of {@code type} in the tree, in pre-order; nodes inside a found node are searched too. */
    static <T> List<T> collect(Object root, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(root, type, out);
        return out;
    }

    private static <T> void collect(Object node, Class<T> type, List<T> out) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (Object o : list) {
                collect(o, type, out);
            }
            return;
        }
        if (type.isInstance(node)) {
            out.add(type.cast(node));
        }
        if (!node.getClass().isRecord() || !node.getClass().getPackageName().startsWith("io.shale.grammar")) {
            return;
        }
        Shape shape = SHAPES.get(node.getClass());
        for (Method accessor : shape.accessors()) {
            collect(get(accessor, node), type, out);
        }
    }

    /**
     * The tree with every node for which {@code replace} returns another object replaced by it (and not searched
     * further); unchanged subtrees are shared.
     */
    @SuppressWarnings("unchecked")
    static <T> T rewrite(T root, UnaryOperator<Object> replace) {
        return (T) rewriteNode(root, replace);
    }

    private static Object rewriteNode(Object node, UnaryOperator<Object> replace) {
        if (node == null) {
            return null;
        }
        if (node instanceof List<?> list) {
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object before = list.get(i);
                Object after = rewriteNode(before, replace);
                if (after != before && out == null) {
                    out = new ArrayList<>(list.subList(0, i));
                }
                if (out != null) {
                    out.add(after);
                }
            }
            return out == null ? list : out;
        }
        Object replaced = replace.apply(node);
        if (replaced != node) {
            return replaced;
        }
        if (!node.getClass().isRecord() || !node.getClass().getPackageName().startsWith("io.shale.grammar")) {
            return node;
        }
        Shape shape = SHAPES.get(node.getClass());
        Object[] values = new Object[shape.accessors().length];
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            Object before = get(shape.accessors()[i], node);
            values[i] = rewriteNode(before, replace);
            changed |= values[i] != before;
        }
        if (!changed) {
            return node;
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object get(Method accessor, Object node) {
        try {
            return accessor.invoke(node);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
