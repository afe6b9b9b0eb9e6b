package io.shale.common.types;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** PostgreSQL 15's pg_cast rows (from {@code pg_cast.tsv}) plus its I/O-conversion and array rules. */
final class CastTable {
    private static final Map<Long, CastContext> CASTS = load();

    private CastTable() {
    }

    static CastContext context(int from, int to) {
        if (from == to || from == TypeOids.UNKNOWN) {
            return CastContext.IMPLICIT;
        }
        if (from == TypeOids.INT2VECTOR && to == TypeOids.INT2_ARRAY || from == TypeOids.OIDVECTOR && to == TypeOids.OID_ARRAY) {
            return CastContext.IMPLICIT;
        }
        CastContext c = CASTS.get(key(from, to));
        if (c != null) {
            return c;
        }
        int fe = BuiltinTypes.elementOf(from);
        int te = BuiltinTypes.elementOf(to);
        if (fe != 0 && te != 0 && from != TypeOids.INT2VECTOR && from != TypeOids.OIDVECTOR
                && to != TypeOids.INT2VECTOR && to != TypeOids.OIDVECTOR) {
            return context(fe, te);
        }
        if (isPseudo(from) || isPseudo(to)) {
            return CastContext.NONE;
        }
        if (TypeCategory.of(to) == TypeCategory.STRING) {
            return CastContext.ASSIGNMENT;
        }
        if (TypeCategory.of(from) == TypeCategory.STRING) {
            return CastContext.EXPLICIT;
        }
        return CastContext.NONE;
    }

    private static boolean isPseudo(int oid) {
        TypeInfo t = BuiltinTypes.byOid(oid);
        return t != null && t.kind() == 'p';
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFFFFFFL);
    }

    private static Map<Long, CastContext> load() {
        Map<Long, CastContext> out = new HashMap<>();
        try (InputStream in = CastTable.class.getResourceAsStream("pg_cast.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                CastContext c = switch (f[2]) {
                    case "i" -> CastContext.IMPLICIT;
                    case "a" -> CastContext.ASSIGNMENT;
                    default -> CastContext.EXPLICIT;
                };
                out.put(key(Integer.parseInt(f[0]), Integer.parseInt(f[1])), c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
