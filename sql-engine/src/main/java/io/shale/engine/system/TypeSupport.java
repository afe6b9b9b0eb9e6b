package io.shale.engine.system;

import io.shale.common.types.ArrayValue;
import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.Inet;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeInfo;
import io.shale.common.types.TypeNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The package's contact with the type library of module common (built-in pg_type rows,
 * format_type, array and inet values).
 */
final class TypeSupport {
    private static final List<BuiltinType> BUILTINS = load();
    private static final Map<Integer, BuiltinType> BY_OID = byOid(BUILTINS);
    /** regtype spellings that differ from pg_type names: {@code char} is character, {@code "char"} is char. */
    private static final Map<String, Integer> ALIASES = Map.of("char", 1042, "\"char\"", 18);

    private TypeSupport() {
    }

    static List<BuiltinType> builtins() {
        return BUILTINS;
    }

    /** The built-in type of an oid, or null. */
    static BuiltinType builtin(int oid) {
        return BY_OID.get(oid);
    }

    /** The built-in type of a name or SQL alias ({@code integer}, {@code _int4}), or null. */
    static BuiltinType builtin(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Integer alias = ALIASES.get(key);
        if (alias != null) {
            return BY_OID.get(alias);
        }
        TypeInfo t = BuiltinTypes.byName(key);
        return t == null ? null : BY_OID.get(t.oid());
    }

    /** format_type for a built-in type; null for other oids. */
    static String formatType(SqlType type) {
        return BY_OID.containsKey(type.oid()) ? TypeNames.format(type) : null;
    }

    /** A one-dimensional SQL array (lower bound 1). */
    static Object array(int elementOid, List<?> elements) {
        return arrayValue(elementOid, 1, elements);
    }

    /** An int2vector or oidvector (lower bound 0). */
    static Object vector(int elementOid, List<?> elements) {
        return arrayValue(elementOid, 0, elements);
    }

    private static ArrayValue arrayValue(int elementOid, int lowerBound, List<?> elements) {
        if (elements.isEmpty()) {
            return ArrayValue.empty(elementOid);
        }
        return new ArrayValue(elementOid, new int[] {elements.size()}, new int[] {lowerBound}, elements.toArray());
    }

    /** The elements of an array value, row-major. */
    static List<Object> elements(Object array) {
        if (array instanceof ArrayValue a) {
            return Arrays.asList(a.elements());
        }
        throw new IllegalArgumentException("not an array value");
    }

    /** A value of type inet from its text. */
    static Object inet(String text) {
        return Inet.parse(text, false);
    }

    private static Map<Integer, BuiltinType> byOid(List<BuiltinType> types) {
        Map<Integer, BuiltinType> map = new HashMap<>();
        for (BuiltinType t : types) {
            map.put(t.oid(), t);
        }
        return Map.copyOf(map);
    }

    private static List<BuiltinType> load() {
        List<BuiltinType> out = new ArrayList<>();
        for (TypeInfo t : BuiltinTypes.all()) {
            out.add(new BuiltinType(t.oid(), t.name(), t.length(), t.byValue(), t.kind(), t.category().letter(),
                    t.preferred(), t.elementOid(), t.arrayOid(), t.input(), t.output(), t.receive(), t.send(),
                    t.delimiter(), t.collation(), t.align(), t.storage()));
        }
        return List.copyOf(out);
    }
}
