package io.shale.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link CatalogCodec}'s encoding of relations: the pg_class kind, then the record's components. */
final class RelationCodec {
    private RelationCodec() {
    }

    static void write(CatalogOutput out, Relation relation) {
        out.u8(relation.kind());
        out.varInt(relation.oid());
        out.varInt(relation.namespaceOid());
        out.string(relation.name());
        out.varInt(relation.ownerOid());
        switch (relation) {
            case Table t -> {
                writeColumns(out, t.columns());
                out.varLong(t.storageId());
                out.string(t.accessMethod());
                Map<String, String> options = new TreeMap<>(t.options());
                out.varInt(options.size());
                options.forEach((name, value) -> {
                    out.string(name);
                    out.string(value);
                });
                out.u16(t.persistence());
                out.u16(t.replicaIdentity());
            }
            case Index i -> {
                out.varInt(i.tableOid());
                out.varInt(i.keys().size());
                for (Index.IndexKey k : i.keys()) {
                    out.u16(k.attnum());
                    out.string(k.expressionSql());
                    out.bool(k.descending());
                    out.bool(k.nullsFirst());
                }
                out.varInt(i.keyCount());
                out.bool(i.unique());
                out.bool(i.primary());
                out.string(i.predicateSql());
                out.string(i.method());
                out.varLong(i.storageId());
            }
            case Sequence s -> {
                CatalogCodec.writeType(out, s.type());
                out.varLong(s.start());
                out.varLong(s.increment());
                out.varLong(s.min());
                out.varLong(s.max());
                out.varLong(s.cache());
                out.bool(s.cycle());
                out.varInt(s.ownedByTable());
                out.u16(s.ownedByColumn());
            }
            case View v -> {
                out.string(v.querySql());
                writeColumns(out, v.columns());
            }
        }
    }

    static Relation read(CatalogInput in) {
        int kind = in.u8();
        int oid = in.varInt();
        int namespaceOid = in.varInt();
        String name = in.string();
        int ownerOid = in.varInt();
        return switch (kind) {
            case 'r' -> {
                List<Column> columns = readColumns(in);
                long storageId = in.varLong();
                String accessMethod = in.string();
                Map<String, String> options = new TreeMap<>();
                for (int n = in.count(); n > 0; n--) {
                    options.put(in.string(), in.string());
                }
                yield new Table(oid, namespaceOid, name, ownerOid, columns, storageId, accessMethod, options,
                        in.character(), in.character());
            }
            case 'i' -> {
                int tableOid = in.varInt();
                List<Index.IndexKey> keys = new ArrayList<>();
                for (int n = in.count(); n > 0; n--) {
                    keys.add(new Index.IndexKey((short) in.u16(), in.string(), in.bool(), in.bool()));
                }
                yield new Index(oid, namespaceOid, name, ownerOid, tableOid, keys, in.varInt(), in.bool(),
                        in.bool(), in.string(), in.string(), in.varLong());
            }
            case 'S' -> new Sequence(oid, namespaceOid, name, ownerOid, CatalogCodec.readType(in), in.varLong(),
                    in.varLong(), in.varLong(), in.varLong(), in.varLong(), in.bool(), in.varInt(), (short) in.u16());
            case 'v' -> new View(oid, namespaceOid, name, ownerOid, in.string(), readColumns(in));
            default -> throw CatalogInput.corrupt("catalog record has a relation of unknown kind " + kind);
        };
    }

    private static void writeColumns(CatalogOutput out, List<Column> columns) {
        out.varInt(columns.size());
        for (Column c : columns) {
            out.string(c.name());
            out.u16(c.attnum());
            CatalogCodec.writeType(out, c.type());
            out.bool(c.notNull());
            out.string(c.defaultSql());
            out.u16(c.identity());
            out.string(c.generatedSql());
            out.bool(c.dropped());
        }
    }

    private static List<Column> readColumns(CatalogInput in) {
        int n = in.count();
        List<Column> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            columns.add(new Column(in.string(), (short) in.u16(), CatalogCodec.readType(in), in.bool(), in.string(),
                    in.character(), in.string(), in.bool()));
        }
        return columns;
    }
}
