package io.shale.engine.access;

import io.shale.catalog.AclObjectKind;
import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.Index;
import io.shale.catalog.Namespace;
import io.shale.catalog.Privilege;
import io.shale.catalog.Privileges;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/**
 * PostgreSQL's privilege and ownership checks with its messages (42501): {@code permission denied for table t},
 * {@code must be owner of schema s}, … Every method lets a superuser pass first.
 */
public final class AccessChecks {
    private AccessChecks() {
    }

    /** Whether the role is a superuser (a role that no longer exists is not). */
    public static boolean isSuperuser(Catalog catalog, int roleOid) {
        Role role = catalog.role(roleOid);
        return role != null && role.superuser();
    }

    /** The word PostgreSQL's messages use for a relation's kind: table, view, sequence, index. */
    public static String kindWord(Relation relation) {
        return switch (relation) {
            case Table t -> "table";
            case View v -> "view";
            case Sequence s -> "sequence";
            case Index i -> "index";
        };
    }

    /** The ACL kind a relation's privileges are kept under. */
    public static AclObjectKind aclKind(Relation relation) {
        return relation instanceof Sequence ? AclObjectKind.SEQUENCE : AclObjectKind.TABLE;
    }

    /** 42501 {@code permission denied for <kind> <name>}. */
    public static ShaleException denied(String kindWord, String name) {
        return new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied for " + kindWord + " " + name);
    }

    /** 42501 {@code must be owner of <kind> <name>}. */
    public static ShaleException notOwner(String kindWord, String name) {
        return new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "must be owner of " + kindWord + " " + name);
    }

    /** Refuses a role that does not own the relation ({@code must be owner of table t}). */
    public static void requireOwner(Catalog catalog, int roleOid, Relation relation) {
        if (!Privileges.isOwner(catalog, roleOid, relation.ownerOid())) {
            throw notOwner(kindWord(relation), relation.name());
        }
    }

    /**
     * Refuses a role that does not own the relation of that oid ({@code must be owner of table t}); a relation that
     * does not exist is left to the caller. For Citus's table functions (create_distributed_table and co).
     */
    public static void requireOwnerOf(Catalog catalog, int databaseOid, int roleOid, int relationOid) {
        Relation relation = catalog.objects(databaseOid).relation(relationOid);
        if (relation != null) {
            requireOwner(catalog, roleOid, relation);
        }
    }

    /**
     * Refuses a role that owns neither the relation nor its schema: DROP as PostgreSQL allows it to the schema's
     * owner too ({@code must be owner of table t}).
     */
    public static void requireOwnerOrSchemaOwner(Catalog catalog, int databaseOid, int roleOid, Relation relation) {
        if (Privileges.isOwner(catalog, roleOid, relation.ownerOid())) {
            return;
        }
        Namespace ns = catalog.objects(databaseOid).namespace(relation.namespaceOid());
        if (ns == null || !Privileges.isOwner(catalog, roleOid, ns.ownerOid())) {
            throw notOwner(kindWord(relation), relation.name());
        }
    }

    /** Refuses a role that does not own the schema ({@code must be owner of schema s}); for citus_schema_distribute. */
    public static void requireOwner(Catalog catalog, int roleOid, Namespace schema) {
        if (!Privileges.isOwner(catalog, roleOid, schema.ownerOid())) {
            throw notOwner("schema", schema.name());
        }
    }

    /** Refuses a role that does not own the database ({@code must be owner of database d}). */
    public static void requireOwner(Catalog catalog, int roleOid, Database database) {
        if (!Privileges.isOwner(catalog, roleOid, database.ownerOid())) {
            throw notOwner("database", database.name());
        }
    }

    /** Refuses a role without the privilege on the relation ({@code permission denied for table t}). */
    public static void require(Catalog catalog, int databaseOid, int roleOid, Relation relation, Privilege privilege) {
        if (!Privileges.has(catalog, databaseOid, roleOid, aclKind(relation), relation.oid(), privilege)) {
            throw denied(kindWord(relation), relation.name());
        }
    }

    /** Refuses a role with neither privilege on the sequence ({@code permission denied for sequence s}). */
    public static void requireEither(Catalog catalog, int databaseOid, int roleOid, Sequence sequence,
                                     Privilege first, Privilege second) {
        if (!Privileges.has(catalog, databaseOid, roleOid, AclObjectKind.SEQUENCE, sequence.oid(), first)
                && !Privileges.has(catalog, databaseOid, roleOid, AclObjectKind.SEQUENCE, sequence.oid(), second)) {
            throw denied("sequence", sequence.name());
        }
    }

    /** Refuses a role without the privilege on the schema ({@code permission denied for schema s}). */
    public static void require(Catalog catalog, int databaseOid, int roleOid, Namespace schema, Privilege privilege) {
        if (!hasOnSchema(catalog, databaseOid, roleOid, schema, privilege)) {
            throw denied("schema", schema.name());
        }
    }

    /** Whether the role has the privilege on the schema; pg_catalog and information_schema are usable by all. */
    public static boolean hasOnSchema(Catalog catalog, int databaseOid, int roleOid, Namespace schema,
                                      Privilege privilege) {
        if (privilege == Privilege.USAGE && isSystemSchema(schema)) {
            return true;
        }
        return Privileges.has(catalog, databaseOid, roleOid, AclObjectKind.SCHEMA, schema.oid(), privilege);
    }

    /** Whether the schema is one of PostgreSQL's own, whose objects every role may look at. */
    public static boolean isSystemSchema(Namespace schema) {
        return schema.oid() == Catalog.PG_CATALOG_NAMESPACE || schema.oid() == Catalog.INFORMATION_SCHEMA_NAMESPACE
                || schema.name().equals("pg_catalog") || schema.name().equals("information_schema");
    }

    /** Refuses a role without the privilege on the database ({@code permission denied for database d}). */
    public static void require(Catalog catalog, int roleOid, Database database, Privilege privilege) {
        if (!Privileges.has(catalog, database.oid(), roleOid, AclObjectKind.DATABASE, database.oid(), privilege)) {
            throw denied("database", database.name());
        }
    }

    /**
     * Refuses a role that is not a superuser calling a function PostgreSQL keeps to superusers (Citus's node
     * management functions, revoked from PUBLIC): {@code permission denied for function f}.
     */
    public static void requireSuperuser(Catalog catalog, int roleOid, String functionName) {
        if (!isSuperuser(catalog, roleOid)) {
            throw denied("function", functionName);
        }
    }
}
