package io.shale.engine.system;

import io.shale.catalog.Column;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.types.SqlType;

import java.util.List;
import java.util.Locale;

/** pg_attribute (columns of user and system relations, index columns included) and pg_attrdef. */
final class AttributeRows {
    private static final String[] SEQUENCE_COLUMNS = {"last_value", "log_cnt", "is_called"};
    private static final SqlType[] SEQUENCE_TYPES = {SqlType.INT8, SqlType.INT8, SqlType.BOOL};

    private AttributeRows() {
    }

    static void attributes(CatalogScan scan, RowWriter out, List<SystemRelation> system) {
        for (SystemRelation s : system) {
            int attnum = 1;
            for (SystemColumn c : s.columns()) {
                attribute(scan, out, s.oid(), c.name(), attnum++, c.type(), false);
            }
        }
        for (Relation r : scan.relations()) {
            switch (r) {
                case Table t -> columns(scan, out, t.oid(), t.columns());
                case View v -> columns(scan, out, v.oid(), v.columns());
                case Index i -> indexColumns(scan, out, i);
                case Sequence s -> {
                    for (int k = 0; k < SEQUENCE_COLUMNS.length; k++) {
                        attribute(scan, out, s.oid(), SEQUENCE_COLUMNS[k], k + 1, SEQUENCE_TYPES[k], true);
                    }
                }
            }
        }
    }

    private static void columns(CatalogScan scan, RowWriter out, int relationOid, List<Column> columns) {
        for (Column c : columns) {
            attribute(scan, out, relationOid, c.name(), c.attnum(), c.dropped() ? SqlType.of(0) : c.type(),
                    c.notNull());
            out.set("atthasdef", c.identity() == 0 && c.defaultSql() != null || c.generatedSql() != null)
                    .set("attidentity", c.identity()).set("attgenerated", c.generatedSql() != null ? 's' : '\0')
                    .set("attisdropped", c.dropped());
            if (c.dropped()) {
                out.set("attlen", -1).set("attalign", 'i').set("attstorage", 'x').set("attbyval", false)
                        .set("attcollation", 0);
            }
        }
    }

    private static void indexColumns(CatalogScan scan, RowWriter out, Index index) {
        Relation owner = scan.objects.relation(index.tableOid());
        int attnum = 1;
        int expressions = 0;
        for (Index.IndexKey key : index.keys()) {
            String name;
            SqlType type;
            if (key.attnum() > 0 && owner instanceof Table t) {
                Column c = t.column(key.attnum());
                name = c.name();
                type = c.type();
            } else {
                name = expressionColumnName(key.expressionSql(), expressions++);
                type = SqlType.TEXT;
            }
            attribute(scan, out, index.oid(), name, attnum++, type, false);
        }
    }

    /** PostgreSQL names an expression column after its function, else {@code expr}, {@code expr1}, …. */
    private static String expressionColumnName(String sql, int ordinal) {
        int open = sql.indexOf('(');
        String head = open > 0 ? sql.substring(0, open).trim() : "";
        if (head.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            return head.substring(head.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        }
        return ordinal == 0 ? "expr" : "expr" + ordinal;
    }

    private static void attribute(CatalogScan scan, RowWriter out, int relationOid, String name, int attnum,
                                  SqlType type, boolean notNull) {
        CatalogScan.TypeFacts facts = scan.type(type.oid());
        out.row().set("attrelid", relationOid).set("attname", name).set("atttypid", type.oid())
                .set("attstattarget", -1).set("attlen", facts.length()).set("attnum", attnum)
                .set("attndims", facts.array() ? 1 : 0).set("attcacheoff", -1).set("atttypmod", type.typmod())
                .set("attbyval", facts.byValue()).set("attalign", facts.align()).set("attstorage", facts.storage())
                .set("attcompression", '\0').set("attnotnull", notNull).set("atthasdef", false)
                .set("atthasmissing", false).set("attidentity", '\0').set("attgenerated", '\0')
                .set("attisdropped", false).set("attislocal", true).set("attinhcount", 0)
                .set("attcollation", facts.collation());
    }

    static void defaults(CatalogScan scan, RowWriter out) {
        for (Relation r : scan.relations()) {
            if (r instanceof Table t) {
                for (Column c : t.columns()) {
                    String expression = c.generatedSql() != null ? c.generatedSql()
                            : c.identity() != 0 ? null : c.defaultSql();
                    if (!c.dropped() && expression != null) {
                        out.row().set("oid", SystemOids.attrDef(t.oid(), c.attnum())).set("adrelid", t.oid())
                                .set("adnum", c.attnum()).set("adbin", expression);
                    }
                }
            }
        }
    }
}
