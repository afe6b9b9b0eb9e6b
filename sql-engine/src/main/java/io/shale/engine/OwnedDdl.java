package io.shale.engine;

import io.shale.catalog.Acl;
import io.shale.catalog.AclObjectKind;
import io.shale.catalog.Acls;
import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Database;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.DefaultAcl;
import io.shale.catalog.EnumType;
import io.shale.catalog.Index;
import io.shale.catalog.Namespace;
import io.shale.catalog.Privileges;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.catalog.Sequence;
import io.shale.catalog.View;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.DropBehavior;
import io.shale.grammar.ast.DropObjects;
import io.shale.grammar.ast.DropOwned;
import io.shale.grammar.ast.ObjectType;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.ReassignOwned;
import io.shale.grammar.ast.RoleSpecification;

import java.util.ArrayList;
import java.util.List;

/** REASSIGN OWNED and DROP OWNED: a role's objects of the current database (and its databases), as PostgreSQL 15. */
final class OwnedDdl {
    private final DdlExecutor ddl;

    OwnedDdl(DdlExecutor ddl) {
        this.ddl = ddl;
    }

    String reassignOwned(ReassignOwned r) {
        Role newOwner = ddl.role(r.newOwner());
        List<Role> roles = roles(r.roles(), "permission denied to reassign objects", "cannot reassign ownership of objects owned by ");
        if (!Privileges.hasMembership(ddl.catalog(), ddl.owner(), newOwner.oid())) {
            throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied to reassign objects");
        }
        CatalogEditor editor = ddl.edit();
        Catalog catalog = ddl.catalog();
        DatabaseCatalog objects = catalog.objects(ddl.database());
        int to = newOwner.oid();
        for (Role role : roles) {
            int from = role.oid();
            for (Database db : catalog.databases()) {
                if (db.ownerOid() == from) {
                    editor.putDatabase(new Database(db.oid(), db.name(), to, db.allowConnections(), db.connectionLimit(),
                            db.isTemplate()));
                    Acl acl = catalog.databaseAcl(db.oid());
                    if (acl != null) {
                        editor.setDatabaseAcl(db.oid(), Acls.newOwner(acl, from, to));
                    }
                }
            }
            for (Namespace ns : objects.namespaces()) {
                if (ns.ownerOid() == from) {
                    editor.putNamespace(ddl.database(), new Namespace(ns.oid(), ns.databaseOid(), ns.name(), to));
                    reownAcl(editor, objects, ns.oid(), from, to);
                }
            }
            for (Relation rel : objects.relations()) {
                if (rel.ownerOid() == from) {
                    editor.putRelation(ddl.database(), OwnerDdl.withOwner(rel, to));
                    reownAcl(editor, objects, rel.oid(), from, to);
                }
            }
            for (EnumType t : objects.enumTypes()) {
                if (t.ownerOid() == from) {
                    editor.putEnumType(ddl.database(), new EnumType(t.oid(), t.arrayOid(), t.namespaceOid(), t.name(), to,
                            t.labels(), t.labelOids()));
                }
            }
        }
        ddl.commit(editor);
        return "REASSIGN OWNED";
    }

    private void reownAcl(CatalogEditor editor, DatabaseCatalog objects, int oid, int from, int to) {
        Acl acl = objects.acl(oid);
        if (acl != null) {
            editor.setAcl(ddl.database(), oid, Acls.newOwner(acl, from, to));
        }
    }

    String dropOwned(DropOwned d) {
        List<Role> roles = roles(d.roles(), "permission denied to drop objects", "cannot drop objects owned by ");
        boolean cascade = d.behavior() == DropBehavior.CASCADE;
        Catalog catalog = ddl.catalog();
        DatabaseCatalog objects = catalog.objects(ddl.database());
        CatalogEditor editor = ddl.edit();
        for (Role role : roles) {
            int oid = role.oid();
            for (Database db : catalog.databases()) {
                Acl acl = catalog.databaseAcl(db.oid());
                if (acl != null && acl.mentions(oid)) {
                    editor.setDatabaseAcl(db.oid(), revoked(catalog, acl, oid, AclObjectKind.DATABASE, db.ownerOid(), cascade));
                }
            }
            for (Namespace ns : objects.namespaces()) {
                Acl acl = objects.acl(ns.oid());
                if (acl != null && acl.mentions(oid) && ns.ownerOid() != oid) {
                    editor.setAcl(ddl.database(), ns.oid(), revoked(catalog, acl, oid, AclObjectKind.SCHEMA, ns.ownerOid(), cascade));
                }
            }
            for (Relation r : objects.relations()) {
                Acl acl = objects.acl(r.oid());
                if (acl != null && acl.mentions(oid) && r.ownerOid() != oid) {
                    AclObjectKind kind = r instanceof Sequence ? AclObjectKind.SEQUENCE : AclObjectKind.TABLE;
                    editor.setAcl(ddl.database(), r.oid(), revoked(catalog, acl, oid, kind, r.ownerOid(), cascade));
                }
            }
            for (DefaultAcl da : objects.defaultAcls()) {
                if (da.roleOid() == oid) {
                    editor.removeDefaultAcl(ddl.database(), da.oid());
                } else if (da.acl().mentions(oid)) {
                    Acl acl = Acls.revoke(catalog, da.acl(), oid, da.roleOid(), -1, false, true, da.roleOid());
                    if (acl.items().isEmpty()) {
                        editor.removeDefaultAcl(ddl.database(), da.oid());
                    } else {
                        editor.putDefaultAcl(ddl.database(), new DefaultAcl(da.oid(), da.roleOid(), da.namespaceOid(),
                                da.objectType(), acl));
                    }
                }
            }
        }
        ddl.commit(editor);
        for (Role role : roles) {
            dropObjectsOf(objects, role.oid(), d.behavior());
        }
        return "DROP OWNED";
    }

    /** REVOKE ALL … FROM role CASCADE as the current user would issue it (its best grantor). */
    private Acl revoked(Catalog catalog, Acl acl, int roleOid, AclObjectKind kind, int ownerOid, boolean cascade) {
        Acls.Grantor grantor = Acls.bestGrantor(catalog, ddl.owner(), kind.allPrivileges(), acl, ownerOid);
        return Acls.revoke(catalog, acl, roleOid, grantor.roleOid(), grantor.grantOptions(), false, true, ownerOid);
    }

    private void dropObjectsOf(DatabaseCatalog objects, int roleOid, DropBehavior behavior) {
        List<QualifiedName> views = new ArrayList<>();
        List<QualifiedName> tables = new ArrayList<>();
        List<QualifiedName> sequences = new ArrayList<>();
        List<QualifiedName> types = new ArrayList<>();
        List<QualifiedName> schemas = new ArrayList<>();
        for (Relation r : objects.relations()) {
            if (r.ownerOid() != roleOid || r instanceof Index || objects.shardOfRelation(r.oid()) != null
                    || r instanceof Sequence s && s.ownedByTable() != 0) {
                continue;
            }
            QualifiedName name = new QualifiedName(List.of(objects.namespace(r.namespaceOid()).name(), r.name()));
            (r instanceof View ? views : r instanceof Sequence ? sequences : tables).add(name);
        }
        for (EnumType t : objects.enumTypes()) {
            if (t.ownerOid() == roleOid) {
                types.add(new QualifiedName(List.of(objects.namespace(t.namespaceOid()).name(), t.name())));
            }
        }
        for (Namespace ns : objects.namespaces()) {
            if (ns.ownerOid() == roleOid) {
                schemas.add(new QualifiedName(List.of(ns.name())));
            }
        }
        drop(ObjectType.VIEW, views, behavior);
        drop(ObjectType.TABLE, tables, behavior);
        drop(ObjectType.SEQUENCE, sequences, behavior);
        drop(ObjectType.TYPE, types, behavior);
        drop(ObjectType.SCHEMA, schemas, behavior);
    }

    private void drop(ObjectType type, List<QualifiedName> names, DropBehavior behavior) {
        if (!names.isEmpty()) {
            ddl.run(new DropObjects(type, names, true, false, behavior));
        }
    }

    private List<Role> roles(List<RoleSpecification> specs, String denied, String required) {
        List<Role> roles = new ArrayList<>();
        for (RoleSpecification spec : specs) {
            Role role = ddl.role(spec);
            if (role.oid() == Catalog.BOOTSTRAP_SUPERUSER) {
                throw new ShaleException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, required + "role " + role.name()
                        + " because they are required by the database system");
            }
            if (!Privileges.hasMembership(ddl.catalog(), ddl.owner(), role.oid())) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, denied);
            }
            roles.add(role);
        }
        return roles;
    }
}
