package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.catalog.EnumType;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.View;

import java.util.Map;

/** pg_type: PostgreSQL 15's built-in types, enum types and their arrays, row types of tables and views. */
final class TypeRows {
    private TypeRows() {
    }

    static void types(CatalogScan scan, RowWriter out) {
        Map<String, Long> procs = ProcNames.all(scan.context.functions());
        for (BuiltinType t : TypeSupport.builtins()) {
            boolean array = t.category() == 'A' && t.elementOid() != 0;
            common(out.row(), t.oid(), t.name(), Catalog.PG_CATALOG_NAMESPACE, Catalog.BOOTSTRAP_SUPERUSER);
            out.set("typlen", t.length()).set("typbyval", t.byValue()).set("typtype", t.kind())
                    .set("typcategory", t.category()).set("typispreferred", t.preferred())
                    .set("typdelim", t.delimiter()).set("typelem", t.elementOid()).set("typarray", t.arrayOid())
                    .set("typsubscript", !array ? 0 : t.length() == -1 ? SystemOids.ARRAY_SUBSCRIPT_HANDLER
                            : SystemOids.RAW_ARRAY_SUBSCRIPT_HANDLER)
                    .set("typinput", procs.getOrDefault(t.input(), 0L))
                    .set("typoutput", procs.getOrDefault(t.output(), 0L))
                    .set("typreceive", procs.getOrDefault(t.receive(), 0L))
                    .set("typsend", procs.getOrDefault(t.send(), 0L)).set("typalign", t.align())
                    .set("typstorage", t.storage()).set("typcollation", t.collation());
        }
        for (EnumType e : scan.objects.enumTypes()) {
            common(out.row(), e.oid(), e.name(), e.namespaceOid(), e.ownerOid());
            out.set("typlen", 4).set("typbyval", true).set("typtype", 'e').set("typcategory", 'E')
                    .set("typelem", 0).set("typarray", e.arrayOid()).set("typsubscript", 0)
                    .set("typinput", procs.get("enum_in")).set("typoutput", procs.get("enum_out"))
                    .set("typreceive", procs.get("enum_recv")).set("typsend", procs.get("enum_send"))
                    .set("typalign", 'i').set("typstorage", 'p');
            array(out, procs, e.arrayOid(), "_" + e.name(), e.namespaceOid(), e.ownerOid(), e.oid());
        }
        for (Relation r : scan.relations()) {
            if (r instanceof Table || r instanceof View) {
                long oid = SystemOids.rowType(r.oid());
                common(out.row(), oid, r.name(), r.namespaceOid(), r.ownerOid());
                out.set("typlen", -1).set("typbyval", false).set("typtype", 'c').set("typcategory", 'C')
                        .set("typrelid", r.oid()).set("typelem", 0).set("typarray", SystemOids.rowArrayType(r.oid()))
                        .set("typsubscript", 0).set("typinput", procs.get("record_in"))
                        .set("typoutput", procs.get("record_out")).set("typreceive", procs.get("record_recv"))
                        .set("typsend", procs.get("record_send")).set("typalign", 'd').set("typstorage", 'x');
                array(out, procs, SystemOids.rowArrayType(r.oid()), "_" + r.name(), r.namespaceOid(), r.ownerOid(),
                        oid);
            }
        }
    }

    private static void array(RowWriter out, Map<String, Long> procs, long oid, String name, int namespace,
                              int owner, long element) {
        common(out.row(), oid, name, namespace, owner);
        out.set("typlen", -1).set("typbyval", false).set("typtype", 'b').set("typcategory", 'A')
                .set("typelem", element).set("typarray", 0).set("typsubscript", SystemOids.ARRAY_SUBSCRIPT_HANDLER)
                .set("typinput", procs.get("array_in")).set("typoutput", procs.get("array_out"))
                .set("typreceive", procs.get("array_recv")).set("typsend", procs.get("array_send"))
                .set("typalign", element < 0x40000000L ? 'i' : 'd').set("typstorage", 'x');
    }

    private static void common(RowWriter out, long oid, String name, int namespace, int owner) {
        out.set("oid", oid).set("typname", name).set("typnamespace", namespace).set("typowner", owner)
                .set("typispreferred", false).set("typisdefined", true).set("typdelim", ',').set("typrelid", 0)
                .set("typmodin", 0).set("typmodout", 0).set("typanalyze", 0).set("typnotnull", false)
                .set("typbasetype", 0).set("typtypmod", -1).set("typndims", 0).set("typcollation", 0);
    }
}
