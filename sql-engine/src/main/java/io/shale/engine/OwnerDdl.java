package io.shale.engine;

import io.shale.catalog.Acl;
import io.shale.catalog.AclObjectKind;
import io.shale.catalog.Acls;
import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Database;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Namespace;
import io.shale.catalog.Privilege;
import io.shale.catalog.Privileges;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.catalog.distribution.Shard;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.AlterOwner;

/** ALTER TABLE/VIEW/SEQUENCE/SCHEMA/DATABASE … OWNER TO, with PostgreSQL 15's checks and ACL rewrites. */
final class OwnerDdl {
    private final DdlExecutor ddl;

    OwnerDdl(DdlExecutor ddl) {
        this.ddl = ddl;
    }

    String alterOwner(AlterOwner a) {
        Role owner = ddl.role(a.owner());
        CatalogEditor editor = ddl.edit();
        switch (a.type()) {
            case SCHEMA -> schema(editor, TableDdl.last(a.name()), owner);
            case DATABASE -> database(editor, TableDdl.last(a.name()), owner);
            case TABLE, VIEW, SEQUENCE -> {
                Relation r = ddl.relation(a.name());
                if (r == null || r instanceof Index) {
                    throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", a.name().parts())
                            + "\" does not exist");
                }
                changeRelationOwner(ddl, editor, r, owner);
            }
            default -> throw StatementExecutor.unsupported("ALTER " + a.type().name() + " … OWNER TO");
        }
        ddl.commit(editor);
        return "ALTER " + a.type().name();
    }

    /** Gives a relation (and its indexes, owned sequences and shard relations) a new owner; PostgreSQL's checks first. */
    static void changeRelationOwner(DdlExecutor ddl, CatalogEditor editor, Relation r, Role owner) {
        if (r.ownerOid() == owner.oid()) {
            return;
        }
        Catalog catalog = ddl.catalog();
        DatabaseCatalog objects = catalog.objects(ddl.database());
        if (r instanceof Sequence s && s.ownedByTable() != 0 && objects.relation(s.ownedByTable()) != null) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot change owner of sequence \"" + s.name() + "\"")
                    .withDetail("Sequence \"" + s.name() + "\" is linked to table \""
                            + objects.relation(s.ownedByTable()).name() + "\".");
        }
        if (!superuser(ddl)) {
            if (!Privileges.isOwner(catalog, ddl.owner(), r.ownerOid())) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "must be owner of " + TableDdl.kindName(r)
                        + " " + r.name());
            }
            checkMember(ddl, owner);
            if (!Privileges.has(catalog, ddl.database(), owner.oid(), AclObjectKind.SCHEMA, r.namespaceOid(),
                    Privilege.CREATE)) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied for schema "
                        + objects.namespace(r.namespaceOid()).name());
            }
        }
        setOwner(ddl, editor, objects, r, owner.oid());
        for (Relation other : objects.relations()) {
            boolean follows = other instanceof Index i && i.tableOid() == r.oid()
                    || other instanceof Sequence s && s.ownedByTable() == r.oid();
            Shard shard = objects.shardOfRelation(other.oid());
            follows |= shard != null && shard.relationOid() == r.oid();
            if (follows && other.ownerOid() != owner.oid()) {
                setOwner(ddl, editor, objects, other, owner.oid());
            }
        }
    }

    private static void setOwner(DdlExecutor ddl, CatalogEditor editor, DatabaseCatalog objects, Relation r, int owner) {
        editor.putRelation(ddl.database(), withOwner(r, owner));
        Acl acl = objects.acl(r.oid());
        if (acl != null) {
            editor.setAcl(ddl.database(), r.oid(), Acls.newOwner(acl, r.ownerOid(), owner));
        }
    }

    static Relation withOwner(Relation r, int owner) {
        return switch (r) {
            case Table t -> t.withOwner(owner);
            case View v -> new View(v.oid(), v.namespaceOid(), v.name(), owner, v.querySql(), v.columns());
            case Sequence s -> new Sequence(s.oid(), s.namespaceOid(), s.name(), owner, s.type(), s.start(),
                    s.increment(), s.min(), s.max(), s.cache(), s.cycle(), s.ownedByTable(), s.ownedByColumn());
            case Index i -> new Index(i.oid(), i.namespaceOid(), i.name(), owner, i.tableOid(), i.keys(), i.keyCount(),
                    i.unique(), i.primary(), i.predicateSql(), i.method(), i.storageId());
        };
    }

    private void schema(CatalogEditor editor, String name, Role owner) {
        DatabaseCatalog objects = ddl.catalog().objects(ddl.database());
        Namespace ns = objects.namespace(name);
        if (ns == null) {
            throw new ShaleException(ErrorCode.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
        }
        if (ns.ownerOid() == owner.oid()) {
            return;
        }
        if (!superuser(ddl)) {
            if (!Privileges.isOwner(ddl.catalog(), ddl.owner(), ns.ownerOid())) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "must be owner of schema " + ns.name());
            }
            checkMember(ddl, owner);
            if (!Privileges.has(ddl.catalog(), ddl.database(), ddl.owner(), AclObjectKind.DATABASE, ddl.database(),
                    Privilege.CREATE)) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied for database "
                        + ddl.catalog().database(ddl.database()).name());
            }
        }
        editor.putNamespace(ddl.database(), new Namespace(ns.oid(), ns.databaseOid(), ns.name(), owner.oid()));
        Acl acl = objects.acl(ns.oid());
        if (acl != null) {
            editor.setAcl(ddl.database(), ns.oid(), Acls.newOwner(acl, ns.ownerOid(), owner.oid()));
        }
    }

    private void database(CatalogEditor editor, String name, Role owner) {
        Database db = ddl.catalog().database(name);
        if (db == null) {
            throw new ShaleException(ErrorCode.INVALID_CATALOG_NAME, "database \"" + name + "\" does not exist");
        }
        if (db.ownerOid() == owner.oid()) {
            return;
        }
        if (!superuser(ddl)) {
            if (!Privileges.isOwner(ddl.catalog(), ddl.owner(), db.ownerOid())) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "must be owner of database " + db.name());
            }
            checkMember(ddl, owner);
            Role current = ddl.catalog().role(ddl.owner());
            if (current == null || !current.createDb()) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied to change owner of database");
            }
        }
        editor.putDatabase(new Database(db.oid(), db.name(), owner.oid(), db.allowConnections(), db.connectionLimit(),
                db.isTemplate()));
        Acl acl = ddl.catalog().databaseAcl(db.oid());
        if (acl != null) {
            editor.setDatabaseAcl(db.oid(), Acls.newOwner(acl, db.ownerOid(), owner.oid()));
        }
    }

    private static boolean superuser(DdlExecutor ddl) {
        Role current = ddl.catalog().role(ddl.owner());
        return current != null && current.superuser();
    }

    private static void checkMember(DdlExecutor ddl, Role owner) {
        if (!Privileges.isMember(ddl.catalog(), ddl.owner(), owner.oid())) {
            throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "must be member of role \"" + owner.name() + "\"");
        }
    }
}
