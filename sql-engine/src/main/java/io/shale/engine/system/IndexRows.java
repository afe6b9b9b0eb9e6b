package io.shale.engine.system;

import io.shale.catalog.Constraint;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** pg_index and pg_constraint. */
final class IndexRows {
    /** PostgreSQL 15's default btree operator class of each type. */
    private static final Map<Integer, Integer> BTREE_OPCLASSES = loadOpclasses();
    private static final int TEXT_OPS = 3126;
    private static final int ARRAY_OPS = 10000;
    private static final int ENUM_OPS = 10069;

    private IndexRows() {
    }

    static void indexes(CatalogScan scan, RowWriter out, ExpressionDeparser deparser) {
        for (Relation r : scan.relations()) {
            if (!(r instanceof Index index) || !(scan.objects.relation(index.tableOid()) instanceof Table table)) {
                continue;
            }
            List<Short> attnums = new ArrayList<>();
            List<Long> collations = new ArrayList<>();
            List<Long> classes = new ArrayList<>();
            List<Short> options = new ArrayList<>();
            List<String> expressions = new ArrayList<>();
            for (int k = 0; k < index.keys().size(); k++) {
                Index.IndexKey key = index.keys().get(k);
                attnums.add(key.attnum());
                SqlType type = key.attnum() > 0 ? table.column(key.attnum()).type() : SqlType.TEXT;
                if (key.attnum() == 0) {
                    expressions.add(deparser.deparse(key.expressionSql(), table.oid(), false));
                }
                if (k < index.keyCount()) {
                    collations.add((long) scan.type(type.oid()).collation());
                    classes.add((long) opclass(scan, type.oid()));
                    options.add((short) ((key.descending() ? 1 : 0) | (key.nullsFirst() ? 2 : 0)));
                }
            }
            out.row().set("indexrelid", index.oid()).set("indrelid", table.oid())
                    .set("indnatts", index.keys().size()).set("indnkeyatts", index.keyCount())
                    .set("indisunique", index.unique()).set("indnullsnotdistinct", false)
                    .set("indisprimary", index.primary()).set("indisexclusion", false).set("indimmediate", true)
                    .set("indisclustered", false).set("indisvalid", true).set("indcheckxmin", false)
                    .set("indisready", true).set("indislive", true).set("indisreplident", false)
                    .set("indkey", TypeSupport.vector(TypeOids.INT2, attnums))
                    .set("indcollation", TypeSupport.vector(TypeOids.OID, collations))
                    .set("indclass", TypeSupport.vector(TypeOids.OID, classes))
                    .set("indoption", TypeSupport.vector(TypeOids.INT2, options))
                    .set("indexprs", expressions.isEmpty() ? null : String.join(", ", expressions))
                    .set("indpred", index.predicateSql());
        }
    }

    private static int opclass(CatalogScan scan, int typeOid) {
        Integer direct = BTREE_OPCLASSES.get(typeOid);
        if (direct != null) {
            return direct;
        }
        if (typeOid == TypeOids.VARCHAR) {
            return TEXT_OPS;
        }
        if (scan.objects.enumType(typeOid) != null) {
            return ENUM_OPS;
        }
        return scan.type(typeOid).array() ? ARRAY_OPS : 0;
    }

    static void constraints(CatalogScan scan, RowWriter out) {
        List<Constraint> list = new ArrayList<>(scan.objects.constraints());
        list.sort((a, b) -> Integer.compare(a.oid(), b.oid()));
        for (Constraint c : list) {
            boolean fk = c.type() == 'f';
            out.row().set("oid", c.oid()).set("conname", c.name()).set("connamespace", c.namespaceOid())
                    .set("contype", c.type()).set("condeferrable", false).set("condeferred", false)
                    .set("convalidated", c.validated()).set("conrelid", c.tableOid()).set("contypid", 0)
                    .set("conindid", fk ? referencedIndex(scan, c) : c.indexOid()).set("conparentid", 0)
                    .set("confrelid", c.referencedTable()).set("confupdtype", fk ? c.onUpdate() : ' ')
                    .set("confdeltype", fk ? c.onDelete() : ' ').set("confmatchtype", fk ? 's' : ' ')
                    .set("conislocal", true).set("coninhcount", 0).set("connoinherit", c.type() != 'c')
                    .set("conkey", TypeSupport.array(TypeOids.INT2, c.columns()))
                    .set("confkey", fk ? TypeSupport.array(TypeOids.INT2, c.referencedColumns()) : null)
                    .set("conbin", c.checkSql());
        }
    }

    /** The unique index of the referenced table that a foreign key relies on, or 0. */
    private static int referencedIndex(CatalogScan scan, Constraint fk) {
        for (Index index : scan.objects.indexesOf(fk.referencedTable())) {
            if (!index.unique() || index.keyCount() != fk.referencedColumns().size()) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < index.keyCount(); k++) {
                match &= fk.referencedColumns().contains(index.keys().get(k).attnum());
            }
            if (match) {
                return index.oid();
            }
        }
        return 0;
    }

    private static Map<Integer, Integer> loadOpclasses() {
        Map<Integer, Integer> out = new HashMap<>();
        for (String[] f : TsvResource.read("btree_opclasses.tsv")) {
            out.put(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
        }
        return Map.copyOf(out);
    }
}
