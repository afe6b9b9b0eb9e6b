package io.shale.engine.system;

import io.shale.common.types.SqlType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the system relations (oid, schema, name, kind, columns), read from
 * {@code system_relations.tsv}, which was taken from PostgreSQL 15's own pg_attribute
 * (information_schema domains given as their base types).
 */
final class RelationSpecs {
    private RelationSpecs() {
    }

    /** The shape of one relation. */
    record Spec(int oid, String schema, String name, char kind, List<SystemColumn> columns) {
    }

    /** Every relation, keyed by {@code schema.name}, in file order. */
    static Map<String, Spec> load() {
        Map<String, Spec> out = new LinkedHashMap<>();
        Map<String, List<SystemColumn>> columns = new LinkedHashMap<>();
        Map<String, String[]> heads = new LinkedHashMap<>();
        for (String[] f : TsvResource.read("system_relations.tsv")) {
            String key = f[1] + "." + f[2];
            heads.putIfAbsent(key, f);
            columns.computeIfAbsent(key, k -> new ArrayList<>()).add(
                    new SystemColumn(f[4], new SqlType(Integer.parseInt(f[5]), Integer.parseInt(f[6]))));
        }
        for (Map.Entry<String, String[]> e : heads.entrySet()) {
            String[] f = e.getValue();
            out.put(e.getKey(), new Spec(Integer.parseInt(f[0]), f[1], f[2], f[3].charAt(0),
                    List.copyOf(columns.get(e.getKey()))));
        }
        return out;
    }
}
