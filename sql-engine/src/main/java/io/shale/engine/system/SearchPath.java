package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Role;

import java.util.ArrayList;
import java.util.List;

/** The effective search path: the setting's schemas that exist, {@code $user} resolved. */
public final class SearchPath {
    private SearchPath() {
    }

    /**
     * current_schemas(includeImplicit) for a search_path setting split into names: pg_catalog
     * first unless listed (when implicit ones are asked for), then each existing schema once.
     */
    public static List<String> effective(Catalog catalog, int databaseOid, int userOid, List<String> setting,
                                         boolean includeImplicit) {
        DatabaseCatalog objects = catalog.objects(databaseOid);
        Role user = catalog.role(userOid);
        List<String> out = new ArrayList<>();
        if (includeImplicit && !setting.contains("pg_catalog")) {
            out.add("pg_catalog");
        }
        for (String name : setting) {
            String schema = name.equals("$user") ? (user == null ? null : user.name()) : name;
            if (schema != null && objects != null && objects.namespace(schema) != null && !out.contains(schema)) {
                out.add(schema);
            }
        }
        return out;
    }
}
