package io.shale.common.types;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pg_type rows of PostgreSQL 15's base and pseudo types (from {@code pg_type.tsv}), looked up
 * by oid or by name, SQL aliases included. Immutable; loaded once per class loader.
 */
public final class BuiltinTypes {
    private static final List<TypeInfo> ALL;
    private static final Map<Integer, TypeInfo> BY_OID;
    private static final Map<String, TypeInfo> BY_NAME;

    static {
        List<TypeInfo> all = load();
        Map<Integer, TypeInfo> byOid = new HashMap<>();
        Map<String, TypeInfo> byName = new HashMap<>();
        for (TypeInfo t : all) {
            byOid.put(t.oid(), t);
            byName.put(t.name(), t);
        }
        String[][] aliases = {
            {"integer", "int4"}, {"int", "int4"}, {"smallint", "int2"}, {"bigint", "int8"},
            {"real", "float4"}, {"double precision", "float8"}, {"float", "float8"},
            {"boolean", "bool"}, {"character varying", "varchar"}, {"char varying", "varchar"},
            {"character", "bpchar"}, {"decimal", "numeric"}, {"dec", "numeric"},
            {"timestamp without time zone", "timestamp"}, {"timestamp with time zone", "timestamptz"},
            {"time without time zone", "time"}, {"time with time zone", "timetz"},
            {"bit varying", "varbit"},
        };
        for (String[] a : aliases) {
            byName.put(a[0], byName.get(a[1]));
        }
        ALL = Collections.unmodifiableList(all);
        BY_OID = Map.copyOf(byOid);
        BY_NAME = Map.copyOf(byName);
    }

    private BuiltinTypes() {
    }

    /** Every row, ordered by oid. */
    public static List<TypeInfo> all() {
        return ALL;
    }

    /** The row of {@code oid}, or null when it is not a built-in type. */
    public static TypeInfo byOid(int oid) {
        return BY_OID.get(oid);
    }

    /** The row of a type name or SQL alias (case-insensitive, {@code _int4} for arrays), or null. */
    public static TypeInfo byName(String name) {
        TypeInfo t = BY_NAME.get(name);
        return t != null ? t : BY_NAME.get(name.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " "));
    }

    /** The array type of an element type, or 0. */
    public static int arrayOf(int elementOid) {
        TypeInfo t = BY_OID.get(elementOid);
        return t == null ? 0 : t.arrayOid();
    }

    /** The element type of an array type (including int2vector and oidvector), or 0. */
    public static int elementOf(int arrayOid) {
        TypeInfo t = BY_OID.get(arrayOid);
        return t != null && t.isArray() ? t.elementOid() : 0;
    }

    /** Whether {@code oid} is a user type that the codecs treat as an enum (≥ 16384, not built in). */
    public static boolean isEnum(int oid) {
        return oid >= 16384 && !BY_OID.containsKey(oid);
    }

    private static List<TypeInfo> load() {
        List<TypeInfo> out = new ArrayList<>();
        try (InputStream in = BuiltinTypes.class.getResourceAsStream("pg_type.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.add(new TypeInfo(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]), f[3].equals("t"),
                        f[4].charAt(0), TypeCategory.ofLetter(f[5].charAt(0)), f[6].equals("t"),
                        Integer.parseInt(f[7]), Integer.parseInt(f[8]), f[9], f[10], f[11], f[12],
                        f[13].charAt(0), Integer.parseInt(f[14]), f[15].charAt(0), f[16].charAt(0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
