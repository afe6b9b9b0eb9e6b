package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.catalog.Column;
import io.shale.catalog.Comment;
import io.shale.catalog.EnumType;
import io.shale.catalog.Relation;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.List;

/** pg_am, pg_collation, pg_extension, pg_description, pg_enum, pg_sequence, pg_depend and pg_proc. */
final class FixedRows {
    private FixedRows() {
    }

    static void accessMethods(RowWriter out) {
        Object[][] rows = {{SystemOids.HEAP, "heap", 3, 't'}, {SystemOids.BTREE, "btree", 330, 'i'},
            {SystemOids.HASH, "hash", 331, 'i'}, {SystemOids.GIST, "gist", 332, 'i'},
            {SystemOids.GIN, "gin", 333, 'i'}, {SystemOids.SPGIST, "spgist", 334, 'i'},
            {SystemOids.BRIN, "brin", 335, 'i'}, {SystemOids.COLUMNAR, "columnar", 0, 't'}};
        for (Object[] r : rows) {
            out.row().set("oid", r[0]).set("amname", r[1]).set("amhandler", r[2]).set("amtype", r[3]);
        }
    }

    static void collations(RowWriter out) {
        collation(out, SystemOids.DEFAULT_COLLATION, "default", 'd', null);
        collation(out, SystemOids.C_COLLATION, "C", 'c', "C");
        collation(out, SystemOids.POSIX_COLLATION, "POSIX", 'c', "POSIX");
    }

    private static void collation(RowWriter out, int oid, String name, char provider, String locale) {
        out.row().set("oid", oid).set("collname", name).set("collnamespace", Catalog.PG_CATALOG_NAMESPACE)
                .set("collowner", Catalog.BOOTSTRAP_SUPERUSER).set("collprovider", provider)
                .set("collisdeterministic", true).set("collencoding", -1).set("collcollate", locale)
                .set("collctype", locale);
    }

    static void extensions(RowWriter out) {
        out.row().set("oid", SystemOids.PLPGSQL_EXTENSION).set("extname", "plpgsql")
                .set("extowner", Catalog.BOOTSTRAP_SUPERUSER).set("extnamespace", Catalog.PG_CATALOG_NAMESPACE)
                .set("extrelocatable", false).set("extversion", "1.0");
    }

    static void availableExtensions(RowWriter out) {
        out.row().set("name", "plpgsql").set("default_version", "1.0").set("installed_version", "1.0")
                .set("comment", "PL/pgSQL procedural language");
    }

    static void languages(RowWriter out) {
        Object[][] rows = {{SystemOids.INTERNAL_LANGUAGE, "internal", false, false, 0, 0, 2246},
            {13, "c", false, false, 0, 0, 2247}, {14, "sql", false, true, 0, 0, 2248},
            {SystemOids.PLPGSQL_LANGUAGE, "plpgsql", true, true, 13560, 13561, 13562}};
        for (Object[] r : rows) {
            out.row().set("oid", r[0]).set("lanname", r[1]).set("lanowner", Catalog.BOOTSTRAP_SUPERUSER)
                    .set("lanispl", r[2]).set("lanpltrusted", r[3]).set("lanplcallfoid", r[4])
                    .set("laninline", r[5]).set("lanvalidator", r[6]);
        }
    }

    static void descriptions(CatalogScan scan, RowWriter out) {
        out.row().set("objoid", SystemOids.PLPGSQL_EXTENSION).set("classoid", SystemOids.PG_EXTENSION)
                .set("objsubid", 0).set("description", "PL/pgSQL procedural language");
        if (scan.objects.comment(Catalog.PUBLIC_NAMESPACE, SystemOids.PG_NAMESPACE, 0) == null
                && scan.objects.namespace(Catalog.PUBLIC_NAMESPACE) != null) {
            out.row().set("objoid", Catalog.PUBLIC_NAMESPACE).set("classoid", SystemOids.PG_NAMESPACE)
                    .set("objsubid", 0).set("description", "standard public schema");
        }
        for (Comment c : scan.objects.comments()) {
            out.row().set("objoid", c.objectOid()).set("classoid", c.classOid()).set("objsubid", c.subId())
                    .set("description", c.text());
        }
    }

    static void enums(CatalogScan scan, RowWriter out) {
        for (EnumType e : scan.objects.enumTypes()) {
            for (int i = 0; i < e.labels().size(); i++) {
                out.row().set("oid", e.labelOids().get(i)).set("enumtypid", e.oid()).set("enumsortorder", i + 1)
                        .set("enumlabel", e.labels().get(i));
            }
        }
    }

    static void sequences(CatalogScan scan, RowWriter out) {
        for (Relation r : scan.relations()) {
            if (r instanceof Sequence s) {
                out.row().set("seqrelid", s.oid()).set("seqtypid", s.type().oid()).set("seqstart", s.start())
                        .set("seqincrement", s.increment()).set("seqmax", s.max()).set("seqmin", s.min())
                        .set("seqcache", s.cache()).set("seqcycle", s.cycle());
            }
        }
    }

    /** pg_depend: the sequences owned by a column (serial: 'a', identity: 'i'). */
    static void depends(CatalogScan scan, RowWriter out) {
        for (Relation r : scan.relations()) {
            if (r instanceof Sequence s && s.ownedByTable() != 0
                    && scan.objects.relation(s.ownedByTable()) instanceof Table table) {
                Column column = table.column(s.ownedByColumn());
                char type = column != null && column.identity() != 0 ? 'i' : 'a';
                out.row().set("classid", SystemOids.PG_CLASS).set("objid", s.oid()).set("objsubid", 0)
                        .set("refclassid", SystemOids.PG_CLASS).set("refobjid", s.ownedByTable())
                        .set("refobjsubid", (int) s.ownedByColumn()).set("deptype", type);
            }
        }
    }

    static void procs(CatalogScan scan, RowWriter out) {
        for (ProcInfo p : scan.context.functions()) {
            List<Long> args = new ArrayList<>(p.argumentTypes().size());
            for (Integer a : p.argumentTypes()) {
                args.add((long) a);
            }
            out.row().set("oid", p.oid()).set("proname", p.name()).set("pronamespace", p.namespaceOid())
                    .set("proowner", Catalog.BOOTSTRAP_SUPERUSER).set("prolang", SystemOids.INTERNAL_LANGUAGE)
                    .set("procost", 1f).set("prorows", p.returnsSet() ? 1000f : 0f).set("provariadic", p.variadicType())
                    .set("prosupport", 0).set("prokind", p.kind()).set("prosecdef", false).set("proleakproof", false)
                    .set("proisstrict", p.strict()).set("proretset", p.returnsSet()).set("provolatile", p.volatility())
                    .set("proparallel", 's').set("pronargs", p.argumentTypes().size()).set("pronargdefaults", 0)
                    .set("prorettype", p.returnType()).set("proargtypes", TypeSupport.vector(TypeOids.OID, args))
                    .set("prosrc", p.name());
        }
    }
}
