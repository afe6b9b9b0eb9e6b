package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.EnumType;
import io.shale.catalog.Index;
import io.shale.catalog.Namespace;
import io.shale.catalog.Privilege;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.access.AccessChecks;
import io.shale.grammar.ast.*;

import java.util.List;

/**
 * The privileges and ownership a DDL statement needs, checked before {@link DdlExecutor} runs it, with PostgreSQL's
 * messages (42501): CREATE on the schema an object goes to, ownership of what is altered, dropped, renamed or
 * commented on, TRUNCATE, CREATE on the database for schemas, CREATEDB and CREATEROLE. Objects that do not exist
 * are left to the DDL classes, which report them as PostgreSQL does.
 */
final class DdlPermissions {
    private final DdlExecutor ddl;
    private final Catalog catalog;
    private final int database;
    private final int role;

    private DdlPermissions(DdlExecutor ddl) {
        this.ddl = ddl;
        this.catalog = ddl.catalog();
        this.database = ddl.database();
        this.role = ddl.state().currentUserOid();
    }

    static void check(DdlExecutor ddl, Statement statement) {
        DdlPermissions checks = new DdlPermissions(ddl);
        if (!AccessChecks.isSuperuser(checks.catalog, checks.role)) {
            checks.run(statement);
        }
    }

    private void run(Statement statement) {
        switch (statement) {
            case CreateTable c -> createIn(c.name());
            case CreateTableAs c -> createIn(c.name());
            case CreateSequence c -> createIn(c.name());
            case CreateEnumType c -> createIn(c.name());
            case CreateView c -> {
                createIn(c.name());
                if (c.orReplace() && relation(c.name()) instanceof View v) {
                    AccessChecks.requireOwner(catalog, role, v);
                }
            }
            case CreateIndex c -> {
                if (relation(c.table()) instanceof Table t) {
                    AccessChecks.requireOwner(catalog, role, t);
                }
            }
            case AlterTable a -> owner(relation(a.name()));
            case AlterSequence a -> owner(relation(a.name()));
            case Truncate t -> {
                for (QualifiedName name : t.tables()) {
                    if (relation(name) instanceof Table table) {
                        AccessChecks.require(catalog, database, role, table, Privilege.TRUNCATE);
                    }
                }
            }
            case DropObjects d -> drop(d);
            case CreateSchema c -> createSchema(c);
            case CreateDatabase c -> {
                if (!self().createDb()) {
                    throw denied("permission denied to create database");
                }
            }
            case DropDatabase d -> {
                Database db = catalog.database(d.name());
                if (db != null) {
                    AccessChecks.requireOwner(catalog, role, db);
                }
            }
            case CreateRole c -> {
                if (!self().createRole()) {
                    throw denied("permission denied to create role");
                }
            }
            case DropRole d -> {
                if (!self().createRole()) {
                    throw denied("permission denied to drop role");
                }
            }
            case AlterRole a -> alterRole(a);
            case Comment c -> named(c.type(), c.name(), true);
            case RenameObject r -> named(r.type(), r.name(), false);
            default -> {
            }
        }
    }

    private Role self() {
        Role r = catalog.role(role);
        if (r == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "role with OID " + role + " does not exist");
        }
        return r;
    }

    private static ShaleException denied(String message) {
        return new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, message);
    }

    /** A role without CREATEROLE may only change its own password. */
    private void alterRole(AlterRole a) {
        if (self().createRole()) {
            return;
        }
        boolean self = a.role().kind() != RoleSpecificationKind.NAME || a.role().name().equals(self().name());
        boolean passwordOnly = true;
        for (RoleOption option : a.options()) {
            passwordOnly &= option instanceof RolePassword;
        }
        if (!self || !passwordOnly) {
            throw denied("permission denied");
        }
    }

    private void createSchema(CreateSchema c) {
        Database db = catalog.database(database);
        AccessChecks.require(catalog, role, db, Privilege.CREATE);
        if (c.authorization() != null && c.authorization().kind() == RoleSpecificationKind.NAME) {
            Role owner = catalog.role(c.authorization().name());
            if (owner != null && !io.shale.catalog.Privileges.hasMembership(catalog, role, owner.oid())) {
                throw denied("must be member of role \"" + owner.name() + "\"");
            }
        }
    }

    private void drop(DropObjects d) {
        for (QualifiedName name : d.names()) {
            switch (d.type()) {
                case TABLE, VIEW, INDEX, SEQUENCE -> {
                    Relation r = relation(name);
                    if (r != null && matches(d.type(), r)) {
                        AccessChecks.requireOwnerOrSchemaOwner(catalog, database, role, r);
                    }
                }
                case SCHEMA -> {
                    Namespace ns = objects().namespace(last(name));
                    if (ns != null) {
                        AccessChecks.requireOwner(catalog, role, ns);
                    }
                }
                case TYPE -> {
                    EnumType type = enumType(name);
                    if (type != null && !io.shale.catalog.Privileges.isOwner(catalog, role, type.ownerOid())) {
                        throw AccessChecks.notOwner("type", type.name());
                    }
                }
                default -> {
                }
            }
        }
    }

    /** COMMENT ON / ALTER … RENAME of a named object: its owner only. */
    private void named(ObjectType type, QualifiedName name, boolean comment) {
        switch (type) {
            case TABLE, VIEW, INDEX, SEQUENCE, MATERIALIZED_VIEW -> owner(relation(name));
            case COLUMN -> {
                if (name.parts().size() > 1) {
                    Relation r = relation(new QualifiedName(name.parts().subList(0, name.parts().size() - 1)));
                    if (r != null && !io.shale.catalog.Privileges.isOwner(catalog, role, r.ownerOid())) {
                        throw AccessChecks.notOwner("relation", r.name());
                    }
                }
            }
            case SCHEMA -> {
                Namespace ns = objects().namespace(last(name));
                if (ns != null) {
                    AccessChecks.requireOwner(catalog, role, ns);
                }
            }
            case DATABASE -> {
                Database db = catalog.database(last(name));
                if (db != null) {
                    AccessChecks.requireOwner(catalog, role, db);
                }
            }
            case TYPE -> {
                EnumType e = enumType(name);
                if (e != null && !io.shale.catalog.Privileges.isOwner(catalog, role, e.ownerOid())) {
                    throw AccessChecks.notOwner("type", e.name());
                }
            }
            default -> {
            }
        }
    }

    private static boolean matches(ObjectType type, Relation r) {
        return switch (type) {
            case TABLE -> r instanceof Table;
            case VIEW -> r instanceof View;
            case INDEX -> r instanceof Index;
            case SEQUENCE -> r instanceof Sequence;
            default -> false;
        };
    }

    private void owner(Relation r) {
        if (r != null) {
            AccessChecks.requireOwner(catalog, role, r);
        }
    }

    /** CREATE on the schema a new object goes to ({@code permission denied for schema s}). */
    private void createIn(QualifiedName name) {
        Namespace ns;
        try {
            ns = ddl.analyzer().creationNamespace(name, 0);
        } catch (ShaleException e) {
            return;
        }
        if (!AccessChecks.isSystemSchema(ns)) {
            AccessChecks.require(catalog, database, role, ns, Privilege.CREATE);
        }
    }

    /** The relation a DDL statement names, after USAGE on its schema ({@code permission denied for schema s}). */
    private Relation relation(QualifiedName name) {
        usage(name);
        return ddl.relation(name);
    }

    private EnumType enumType(QualifiedName name) {
        usage(name);
        List<String> parts = name.parts();
        if (parts.size() > 1) {
            Namespace ns = objects().namespace(parts.get(parts.size() - 2));
            return ns == null ? null : objects().enumType(ns.oid(), last(name));
        }
        for (String schema : ddl.state().currentSchemas(false)) {
            Namespace ns = objects().namespace(schema);
            EnumType e = ns == null ? null : objects().enumType(ns.oid(), last(name));
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private void usage(QualifiedName name) {
        List<String> parts = name.parts();
        if (parts.size() > 1) {
            Namespace ns = objects().namespace(parts.get(parts.size() - 2));
            if (ns != null) {
                AccessChecks.require(catalog, database, role, ns, Privilege.USAGE);
            }
        }
    }

    private DatabaseCatalog objects() {
        return catalog.objects(database);
    }

    private static String last(QualifiedName name) {
        return name.parts().get(name.parts().size() - 1);
    }
}
