package io.shale.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@link CatalogCodec}'s encodings of roles and of one database's objects. */
final class CatalogRecords {
    private CatalogRecords() {
    }

    static void writeRole(CatalogOutput out, Role r) {
        out.varInt(r.oid());
        out.string(r.name());
        out.bool(r.superuser());
        out.bool(r.inherit());
        out.bool(r.createRole());
        out.bool(r.createDb());
        out.bool(r.canLogin());
        out.bool(r.replication());
        out.bool(r.bypassRls());
        out.varInt(r.connectionLimit());
        out.string(r.password());
        out.string(r.validUntil());
    }

    static Role readRole(CatalogInput in) {
        return new Role(in.varInt(), in.string(), in.bool(), in.bool(), in.bool(), in.bool(), in.bool(),
                in.bool(), in.bool(), in.varInt(), in.string(), in.string());
    }

    static void writeObjects(CatalogOutput out, DatabaseCatalog objects) {
        out.varInt(objects.databaseOid());
        List<Namespace> namespaces = CatalogCodec.sorted(objects.namespaces(), Comparator.comparingInt(Namespace::oid));
        out.varInt(namespaces.size());
        for (Namespace n : namespaces) {
            out.varInt(n.oid());
            out.varInt(n.databaseOid());
            out.string(n.name());
            out.varInt(n.ownerOid());
        }
        List<Relation> relations = CatalogCodec.sorted(objects.relations(), Comparator.comparingInt(Relation::oid));
        out.varInt(relations.size());
        for (Relation r : relations) {
            RelationCodec.write(out, r);
        }
        List<Constraint> constraints = CatalogCodec.sorted(objects.constraints(), Comparator.comparingInt(Constraint::oid));
        out.varInt(constraints.size());
        for (Constraint c : constraints) {
            writeConstraint(out, c);
        }
        List<EnumType> types = CatalogCodec.sorted(objects.enumTypes(), Comparator.comparingInt(EnumType::oid));
        out.varInt(types.size());
        for (EnumType t : types) {
            writeEnumType(out, t);
        }
        out.varInt(objects.comments().size());
        for (Comment c : objects.comments()) {
            out.varInt(c.objectOid());
            out.varInt(c.classOid());
            out.varInt(c.subId());
            out.string(c.text());
        }
        DistributionRecords.writeDistribution(out, objects.distribution());
        AclRecords.writeAclMap(out, objects.aclMap());
        AclRecords.writeDefaultAcls(out, objects.defaultAcls());
        DistributionRecords.writeStrategies(out, objects.distribution().strategies);
    }

    static DatabaseCatalog readObjects(CatalogInput in, int formatVersion) {
        int databaseOid = in.varInt();
        List<Namespace> namespaces = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            namespaces.add(new Namespace(in.varInt(), in.varInt(), in.string(), in.varInt()));
        }
        List<Relation> relations = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            relations.add(RelationCodec.read(in));
        }
        List<Constraint> constraints = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            constraints.add(readConstraint(in));
        }
        List<EnumType> types = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            types.add(readEnumType(in));
        }
        List<Comment> comments = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            comments.add(new Comment(in.varInt(), in.varInt(), in.varInt(), in.string()));
        }
        DistributionMetadata distribution = formatVersion >= 2 ? DistributionRecords.readDistribution(in, formatVersion)
                : DistributionMetadata.EMPTY;
        Map<Integer, Acl> acls = formatVersion >= 3 ? AclRecords.readAclMap(in) : Map.of();
        List<DefaultAcl> defaultAcls = formatVersion >= 3 ? AclRecords.readDefaultAcls(in) : List.of();
        if (formatVersion >= 4) {
            distribution = distribution.withStrategies(DistributionRecords.readStrategies(in));
        }
        return new DatabaseCatalog(databaseOid, namespaces, relations, constraints, types, comments, distribution,
                acls, defaultAcls);
    }

    private static void writeConstraint(CatalogOutput out, Constraint c) {
        out.varInt(c.oid());
        out.varInt(c.namespaceOid());
        out.string(c.name());
        out.u16(c.type());
        out.varInt(c.tableOid());
        out.shorts(c.columns());
        out.varInt(c.indexOid());
        out.string(c.checkSql());
        out.varInt(c.referencedTable());
        out.shorts(c.referencedColumns());
        out.u16(c.onUpdate());
        out.u16(c.onDelete());
        out.bool(c.validated());
    }

    private static Constraint readConstraint(CatalogInput in) {
        return new Constraint(in.varInt(), in.varInt(), in.string(), in.character(), in.varInt(), in.shorts(),
                in.varInt(), in.string(), in.varInt(), in.shorts(), in.character(), in.character(), in.bool());
    }

    private static void writeEnumType(CatalogOutput out, EnumType t) {
        out.varInt(t.oid());
        out.varInt(t.arrayOid());
        out.varInt(t.namespaceOid());
        out.string(t.name());
        out.varInt(t.ownerOid());
        out.varInt(t.labels().size());
        for (int i = 0; i < t.labels().size(); i++) {
            out.string(t.labels().get(i));
            out.varInt(t.labelOids().get(i));
        }
    }

    private static EnumType readEnumType(CatalogInput in) {
        int oid = in.varInt();
        int arrayOid = in.varInt();
        int namespaceOid = in.varInt();
        String name = in.string();
        int ownerOid = in.varInt();
        int n = in.count();
        List<String> labels = new ArrayList<>(n);
        List<Integer> labelOids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            labels.add(in.string());
            labelOids.add(in.varInt());
        }
        return new EnumType(oid, arrayOid, namespaceOid, name, ownerOid, labels, labelOids);
    }
}
