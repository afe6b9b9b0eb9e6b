package io.shale.engine.deparse;

import io.shale.catalog.Catalog;
import io.shale.catalog.Column;
import io.shale.catalog.Database;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeNames;
import io.shale.engine.system.ExpressionDeparser;
import io.shale.grammar.SqlParser;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.Statement;

import java.util.List;
import java.util.function.Supplier;

/**
 * The engine's {@link ExpressionDeparser}: parses the stored SQL of a default, CHECK constraint,
 * index expression or view and prints it as PostgreSQL 15's pg_get_expr, pg_get_constraintdef and
 * pg_get_viewdef do. Text it cannot print that way is returned as stored. Thread-safe.
 */
public final class PgDeparser implements ExpressionDeparser {
    private final Supplier<Catalog> catalog;
    private final SqlParser parser = new SqlParser();

    /** @param catalog the node's current catalog snapshot */
    public PgDeparser(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public String deparse(String sql, int relationOid, boolean pretty) {
        try {
            Catalog current = catalog.get();
            DatabaseCatalog objects = objectsOf(current, relationOid);
            Table table = objects != null && objects.relation(relationOid) instanceof Table t ? t : null;
            ExpressionPrinter printer = new ExpressionPrinter(parts -> {
                Column c = table == null ? null : table.column(parts.getLast());
                return c == null || c.dropped() ? null : new Printed(Names.quote(c.name()), label(objects, c),
                        Printed.Precedence.PRIMARY, Printed.Kind.COLUMN);
            }, pretty, false);
            return printer.print(parser.parseExpression(sql)).text();
        } catch (RuntimeException e) {
            return sql;
        }
    }

    @Override
    public String deparseQuery(String sql, boolean pretty) {
        return deparseQuery(sql, 0, pretty);
    }

    @Override
    public String deparseQuery(String sql, int viewOid, boolean pretty) {
        try {
            Statement statement = parser.parseStatement(sql);
            if (!(statement instanceof Query query)) {
                return sql;
            }
            Catalog current = catalog.get();
            DatabaseCatalog objects = objectsOf(current, viewOid);
            Relation view = objects == null ? null : objects.relation(viewOid);
            String printed = new QueryPrinter(name -> table(current, objects, view, name),
                    c -> label(objects, c), t -> schemaOf(current, t), pretty).print(query);
            return printed == null ? sql : printed;
        } catch (RuntimeException e) {
            return sql;
        }
    }

    private static String schemaOf(Catalog catalog, Table table) {
        DatabaseCatalog objects = objectsOf(catalog, table.oid());
        Namespace ns = objects == null ? null : objects.namespace(table.namespaceOid());
        return ns == null ? null : ns.name();
    }

    private static DatabaseCatalog objectsOf(Catalog catalog, int relationOid) {
        for (Database d : catalog.databases()) {
            DatabaseCatalog objects = catalog.objects(d.oid());
            if (objects != null && objects.relation(relationOid) != null) {
                return objects;
            }
        }
        return null;
    }

    /** The table a view names: in the view's schema, then public, then anywhere in its database. */
    private static Table table(Catalog catalog, DatabaseCatalog objects, Relation view, List<String> name) {
        if (objects == null) {
            for (Database d : catalog.databases()) {
                DatabaseCatalog candidate = catalog.objects(d.oid());
                Table t = candidate == null ? null : table(catalog, candidate, null, name);
                if (t != null) {
                    return t;
                }
            }
            return null;
        }
        if (name.size() > 1) {
            Namespace ns = objects.namespace(name.get(name.size() - 2));
            return ns != null && objects.relation(ns.oid(), name.getLast()) instanceof Table t ? t : null;
        }
        if (view != null && objects.relation(view.namespaceOid(), name.getLast()) instanceof Table t) {
            return t;
        }
        Namespace pub = objects.namespace("public");
        if (pub != null && objects.relation(pub.oid(), name.getLast()) instanceof Table t) {
            return t;
        }
        for (Relation r : objects.relations()) {
            if (r instanceof Table t && t.name().equals(name.getLast())) {
                return t;
            }
        }
        return null;
    }

    /** The type of a column as the printer compares types: format_type without typmod. */
    private String label(DatabaseCatalog objects, Column c) {
        int oid = c.type().oid();
        if (BuiltinTypes.byOid(oid) != null) {
            return TypeNames.format(SqlType.of(oid));
        }
        EnumType e = objects == null ? enumAnywhere(oid) : objects.enumType(oid);
        return e == null ? null : Names.quote(e.name());
    }

    private EnumType enumAnywhere(int oid) {
        Catalog current = catalog.get();
        for (Database d : current.databases()) {
            DatabaseCatalog objects = current.objects(d.oid());
            EnumType e = objects == null ? null : objects.enumType(oid);
            if (e != null) {
                return e;
            }
        }
        return null;
    }
}
