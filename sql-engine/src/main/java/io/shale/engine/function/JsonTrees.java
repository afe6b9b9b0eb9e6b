package io.shale.engine.function;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Navigation, containment, equality and editing of JSON trees (the jsonb operators and jsonb_set). */
final class JsonTrees {
    private JsonTrees() {
    }

    /** -> by key (objects) or by index (arrays, negative from the end); null when absent. */
    static Object field(Object tree, String key) {
        return tree instanceof Map<?, ?> m ? m.get(key) : null;
    }

    static Object element(Object tree, int index) {
        if (!(tree instanceof List<?> list)) {
            return null;
        }
        int i = index < 0 ? list.size() + index : index;
        return i >= 0 && i < list.size() ? list.get(i) : null;
    }

    /** #> path: each step a key, or an index into an array. */
    static Object path(Object tree, Object[] path) {
        Object current = tree;
        for (Object step : path) {
            if (step == null || current == null) {
                return null;
            }
            String s = (String) step;
            if (current instanceof List<?>) {
                try {
                    current = element(current, Integer.parseInt(s.trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            } else {
                current = field(current, s);
            }
        }
        return current;
    }

    static boolean equal(Object x, Object y) {
        if (x instanceof BigDecimal a && y instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (x instanceof List<?> a && y instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (x instanceof Map<?, ?> a && y instanceof Map<?, ?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : a.entrySet()) {
                if (!b.containsKey(e.getKey()) || !equal(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return x == y || x != null && x.equals(y);
    }

    /** jsonb @>: whether {@code container} contains {@code contained}. */
    static boolean contains(Object container, Object contained, boolean topLevel) {
        if (container instanceof Map<?, ?> a) {
            if (!(contained instanceof Map<?, ?> b)) {
                return false;
            }
            for (Map.Entry<?, ?> e : b.entrySet()) {
                Object v = a.get(e.getKey());
                if (v == null || !contains(v, e.getValue(), false)) {
                    return false;
                }
            }
            return true;
        }
        if (container instanceof List<?> a) {
            if (contained instanceof List<?> b) {
                for (Object x : b) {
                    boolean found = false;
                    for (Object y : a) {
                        if (contains(y, x, false)) {
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
            if (topLevel && !(contained instanceof Map<?, ?>)) {
                for (Object y : a) {
                    if (equal(y, contained)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return !(contained instanceof Map<?, ?>) && !(contained instanceof List<?>) && equal(container, contained);
    }

    /** jsonb ?: a top-level key, array string element, or string scalar equal to {@code key}. */
    static boolean exists(Object tree, String key) {
        if (tree instanceof Map<?, ?> m) {
            return m.containsKey(key);
        }
        if (tree instanceof List<?> l) {
            return l.contains(key);
        }
        return key.equals(tree);
    }

    static Object concat(Object x, Object y) {
        if (x instanceof Map<?, ?> a && y instanceof Map<?, ?> b) {
            Map<String, Object> out = Json.newObject();
            a.forEach((k, v) -> out.put((String) k, v));
            b.forEach((k, v) -> out.put((String) k, v));
            return out;
        }
        List<Object> out = new ArrayList<>();
        addAll(out, x);
        addAll(out, y);
        return out;
    }

    private static void addAll(List<Object> out, Object v) {
        if (v instanceof List<?> l) {
            out.addAll(l);
        } else {
            out.add(v);
        }
    }

    static Object deleteKey(Object tree, String key) {
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> out = Json.newObject();
            m.forEach((k, v) -> {
                if (!k.equals(key)) {
                    out.put((String) k, v);
                }
            });
            return out;
        }
        if (tree instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l);
            out.removeIf(key::equals);
            return out;
        }
        throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_PARAMETER_VALUE,
                "cannot delete from scalar");
    }

    static Object deleteIndex(Object tree, int index) {
        if (tree instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l);
            int i = index < 0 ? out.size() + index : index;
            if (i >= 0 && i < out.size()) {
                out.remove(i);
            }
            return out;
        }
        throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_PARAMETER_VALUE,
                tree instanceof Map<?, ?> ? "cannot delete from object using integer index" : "cannot delete from scalar");
    }

    /** jsonb_set: replaces (or with {@code create}, adds) the value at {@code path}. */
    static Object set(Object tree, Object[] path, int depth, Object value, boolean create) {
        if (depth == path.length) {
            return value;
        }
        String step = (String) path[depth];
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> out = Json.newObject();
            m.forEach((k, v) -> out.put((String) k, v));
            if (out.containsKey(step)) {
                out.put(step, set(out.get(step), path, depth + 1, value, create));
            } else if (create && depth == path.length - 1) {
                out.put(step, value);
            }
            return out;
        }
        if (tree instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l);
            int index;
            try {
                index = Integer.parseInt(step.trim());
            } catch (NumberFormatException e) {
                throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_TEXT_REPRESENTATION,
                        "path element at position " + (depth + 1) + " is not an integer: \"" + step + "\"");
            }
            int i = index < 0 ? out.size() + index : index;
            if (i >= 0 && i < out.size()) {
                out.set(i, set(out.get(i), path, depth + 1, value, create));
            } else if (create && depth == path.length - 1) {
                if (i < 0) {
                    out.addFirst(value);
                } else {
                    out.add(value);
                }
            }
            return out;
        }
        return tree;
    }

    static Object stripNulls(Object tree) {
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> out = Json.newObject();
            m.forEach((k, v) -> {
                if (v != Json.NULL) {
                    out.put((String) k, stripNulls(v));
                }
            });
            return out;
        }
        if (tree instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object v : l) {
                out.add(stripNulls(v));
            }
            return out;
        }
        return tree;
    }
}
