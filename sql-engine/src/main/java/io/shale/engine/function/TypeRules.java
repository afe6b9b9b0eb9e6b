package io.shale.engine.function;

import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The type facts function resolution needs: names as format_type prints them, type categories
 * and preferred flags, array/element pairs, and the implicit casts of PostgreSQL 15's pg_cast.
 * Constant tables, read once from this package's resources.
 */
final class TypeRules {
    private record TypeRow(String name, char category, boolean preferred, int element, int array) {
    }

    private static final Map<Integer, TypeRow> TYPES = loadTypes();
    private static final Set<Long> IMPLICIT = loadCasts();

    private TypeRules() {
    }

    /** The anycompatible family of pseudo-types (not in TypeOids). */
    static final int ANYCOMPATIBLE = 5077;
    static final int ANYCOMPATIBLEARRAY = 5078;
    static final int ANYCOMPATIBLENONARRAY = 5079;

    static boolean isPolymorphic(int oid) {
        return oid == TypeOids.ANYELEMENT || oid == TypeOids.ANYARRAY || oid == TypeOids.ANYNONARRAY
                || oid == TypeOids.ANYENUM || isCompatibleFamily(oid);
    }

    static boolean isCompatibleFamily(int oid) {
        return oid == ANYCOMPATIBLE || oid == ANYCOMPATIBLEARRAY || oid == ANYCOMPATIBLENONARRAY;
    }

    /** pg_type.typcategory; 'E' for user enums, 'X' for unknown types. */
    static char category(int oid) {
        TypeRow row = TYPES.get(oid);
        if (row != null) {
            return row.category;
        }
        return oid >= 16384 ? 'E' : 'X';
    }

    static boolean preferred(int oid) {
        TypeRow row = TYPES.get(oid);
        return row != null && row.preferred;
    }

    /** Whether the type is a true array (int2vector and oidvector count as arrays too). */
    static boolean isArray(int oid) {
        TypeRow row = TYPES.get(oid);
        return row != null && row.category == 'A' && row.element != 0;
    }

    /** The element type of an array type, or 0. */
    static int elementOf(int arrayOid) {
        TypeRow row = TYPES.get(arrayOid);
        return row != null && row.category == 'A' ? row.element : 0;
    }

    /** The array type of an element type, or 0 when it has none. */
    static int arrayOf(int elementOid) {
        TypeRow row = TYPES.get(elementOid);
        return row == null ? 0 : row.array;
    }

    /** Whether the type is built in (known to these tables). */
    static boolean known(int oid) {
        return TYPES.containsKey(oid);
    }

    /** The type's name as format_type prints it, with its modifier. */
    static String name(SqlType type) {
        TypeRow row = TYPES.get(type.oid());
        String base = row == null ? "???" : row.name;
        int mod = type.typmod();
        if (mod < 0) {
            return base;
        }
        int element = elementOf(type.oid());
        if (element != 0 && isArray(type.oid()) && type.oid() != TypeOids.INT2VECTOR && type.oid() != TypeOids.OIDVECTOR) {
            return name(new SqlType(element, mod)) + "[]";
        }
        return switch (type.oid()) {
            case TypeOids.VARCHAR -> "character varying(" + (mod - 4) + ")";
            case TypeOids.BPCHAR -> "character(" + (mod - 4) + ")";
            case TypeOids.NUMERIC -> "numeric(" + (((mod - 4) >> 16) & 0xffff) + "," + ((mod - 4) & 0xffff) + ")";
            case TypeOids.TIMESTAMP -> "timestamp(" + mod + ") without time zone";
            case TypeOids.TIMESTAMPTZ -> "timestamp(" + mod + ") with time zone";
            case TypeOids.TIME -> "time(" + mod + ") without time zone";
            case TypeOids.TIMETZ -> "time(" + mod + ") with time zone";
            case TypeOids.BIT -> "bit(" + mod + ")";
            case TypeOids.VARBIT -> "bit varying(" + mod + ")";
            default -> base;
        };
    }

    /** Whether a value of {@code from} converts to {@code to} implicitly (coercion context IMPLICIT). */
    static boolean implicitlyCastable(int from, int to) {
        if (from == to || from == TypeOids.UNKNOWN || to == TypeOids.ANY) {
            return true;
        }
        if (IMPLICIT.contains(key(from, to))) {
            return true;
        }
        if (isArray(from) && isArray(to) && to != TypeOids.INT2VECTOR && to != TypeOids.OIDVECTOR) {
            return implicitlyCastable(elementOf(from), elementOf(to));
        }
        return false;
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    private static Map<Integer, TypeRow> loadTypes() {
        Map<Integer, TypeRow> map = new HashMap<>();
        for (String[] f : read("types.tsv")) {
            map.put(Integer.parseInt(f[0]), new TypeRow(f[1], f[2].charAt(0), f[3].equals("t"),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5])));
        }
        return Map.copyOf(map);
    }

    private static Set<Long> loadCasts() {
        Set<Long> set = new HashSet<>();
        for (String[] f : read("implicit_casts.tsv")) {
            set.add(key(Integer.parseInt(f[0]), Integer.parseInt(f[1])));
        }
        return Set.copyOf(set);
    }

    /** Reads a tab-separated resource of this package. */
    static java.util.List<String[]> read(String resource) {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        try (InputStream in = TypeRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
