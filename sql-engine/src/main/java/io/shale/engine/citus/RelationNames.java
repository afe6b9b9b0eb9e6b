package io.shale.engine.citus;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Relation names given as text arguments ({@code colocate_with}): optionally qualified, quoted parts kept as written. */
final class RelationNames {
    private RelationNames() {
    }

    /** The relation the name denotes through the search path, or null. */
    static Relation resolve(DatabaseCatalog objects, List<String> searchPath, String name) {
        List<String> parts = split(name);
        if (parts.size() > 1) {
            Namespace ns = objects.namespace(parts.get(parts.size() - 2));
            return ns == null ? null : objects.relation(ns.oid(), parts.getLast());
        }
        for (String schema : searchPath) {
            Namespace ns = objects.namespace(schema);
            Relation r = ns == null ? null : objects.relation(ns.oid(), parts.getFirst());
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    static List<String> split(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                    wasQuoted = true;
                }
            } else if (c == '.' && !quoted) {
                parts.add(wasQuoted ? current.toString() : current.toString().trim().toLowerCase(Locale.ROOT));
                current.setLength(0);
                wasQuoted = false;
            } else {
                current.append(c);
            }
        }
        parts.add(wasQuoted ? current.toString() : current.toString().trim().toLowerCase(Locale.ROOT));
        return parts;
    }
}
