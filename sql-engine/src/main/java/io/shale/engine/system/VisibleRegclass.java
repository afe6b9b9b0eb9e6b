package io.shale.engine.system;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.engine.function.EvalContext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pg_get_expr prints a regclass constant (a serial default's sequence) without its schema when the
 * relation is visible on the session's search_path, as PostgreSQL's regclassout does; stored defaults
 * always name the schema, so that they resolve whatever the search_path.
 */
final class VisibleRegclass {
    private static final Pattern QUALIFIED = Pattern.compile("'([a-z_][a-z0-9_$]*)\\.([a-z_][a-z0-9_$]*)'::regclass");

    private VisibleRegclass() {
    }

    static String unqualify(String text, EvalContext context) {
        if (text == null || text.indexOf("'::regclass") < 0) {
            return text;
        }
        Matcher m = QUALIFIED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = visible(context, m.group(1), m.group(2)) ? "'" + m.group(2) + "'::regclass" : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether {@code name} found through the search path is the relation of {@code schema}. */
    private static boolean visible(EvalContext context, String schema, String name) {
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        for (String s : context.currentSchemas(true)) {
            Namespace ns = objects.namespace(s);
            if (ns != null && objects.relation(ns.oid(), name) != null) {
                return s.equals(schema);
            }
        }
        return false;
    }
}
