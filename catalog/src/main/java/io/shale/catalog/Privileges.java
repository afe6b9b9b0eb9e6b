package io.shale.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL 15's privilege rules over a catalog snapshot: ACL checks, ownership, role membership
 * and the default ACLs. Pure and allocation-free on the common paths; it runs on every statement.
 * A shard relation ({@code <table>_<shardid>}) is judged by its distributed (shell) table.
 */
public final class Privileges {
    private static final int SCHEMA_BUILTIN_PUBLIC = Privilege.USAGE.bit();
    private static final int DATABASE_PUBLIC = Privilege.TEMPORARY.bit() | Privilege.CONNECT.bit();
    private static final int FUNCTION_PUBLIC = Privilege.EXECUTE.bit();

    private Privileges() {
    }

    /** Whether the role holds the privilege on the object (directly, through PUBLIC, or inherited). */
    public static boolean has(Catalog c, int databaseOid, int roleOid, AclObjectKind kind, int objectOid,
                              Privilege p) {
        Role role = c.role(roleOid);
        if (role != null && role.superuser()) {
            return true;
        }
        return (mask(c, databaseOid, roleOid, kind, objectOid, false) & p.bit()) != 0;
    }

    /** Whether the role holds the privilege WITH GRANT OPTION (owners hold every grant option). */
    public static boolean hasGrantOption(Catalog c, int databaseOid, int roleOid, AclObjectKind kind,
                                         int objectOid, Privilege p) {
        Role role = c.role(roleOid);
        if (role != null && role.superuser()) {
            return true;
        }
        return (mask(c, databaseOid, roleOid, kind, objectOid, true) & p.bit()) != 0;
    }

    /**
     * The privileges (or with {@code grantOptions} the grant options) the role holds on the object,
     * ignoring superuser; 0 when the object does not exist.
     */
    public static int mask(Catalog c, int databaseOid, int roleOid, AclObjectKind kind, int objectOid,
                           boolean grantOptions) {
        int owner;
        Acl acl;
        int publicDefault = 0;
        AclObjectKind actualKind = kind;
        switch (kind) {
            case TABLE, SEQUENCE -> {
                DatabaseCatalog objects = c.objects(databaseOid);
                Relation r = objects == null ? null : objects.privilegeRelation(objectOid);
                if (r == null) {
                    return 0;
                }
                owner = r.ownerOid();
                acl = objects.acl(r.oid());
                actualKind = r.kind() == 'S' ? AclObjectKind.SEQUENCE : AclObjectKind.TABLE;
            }
            case SCHEMA -> {
                DatabaseCatalog objects = c.objects(databaseOid);
                Namespace n = objects == null ? null : objects.namespace(objectOid);
                if (n == null) {
                    return 0;
                }
                owner = n.ownerOid();
                acl = objects.acl(objectOid);
                publicDefault = builtinSchemaWithPublicUsage(objectOid) ? SCHEMA_BUILTIN_PUBLIC : 0;
            }
            case DATABASE -> {
                Database d = c.database(objectOid);
                if (d == null) {
                    return 0;
                }
                owner = d.ownerOid();
                acl = c.databaseAcl(objectOid);
                publicDefault = DATABASE_PUBLIC;
            }
            case FUNCTION -> {
                DatabaseCatalog objects = c.objects(databaseOid);
                owner = Catalog.BOOTSTRAP_SUPERUSER;
                acl = objects == null ? null : objects.acl(objectOid);
                publicDefault = FUNCTION_PUBLIC;
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        int[] roles = c.privilegeRoles(roleOid);
        boolean owns = contains(roles, owner);
        if (acl == null) {
            if (owns) {
                return actualKind.allPrivileges();
            }
            return grantOptions ? 0 : publicDefault;
        }
        int result = owns && grantOptions ? actualKind.allPrivileges() : 0;
        List<AclItem> items = acl.items();
        for (int i = 0, n = items.size(); i < n; i++) {
            AclItem item = items.get(i);
            if (item.granteeOid() == AclItem.PUBLIC || contains(roles, item.granteeOid())) {
                result |= grantOptions ? item.grantOptions() : item.privileges();
            }
        }
        return result;
    }

    /** Whether the role owns objects of {@code ownerOid}: superuser, the owner, or a member inheriting its privileges. */
    public static boolean isOwner(Catalog c, int roleOid, int ownerOid) {
        if (roleOid == ownerOid) {
            return true;
        }
        Role role = c.role(roleOid);
        return role != null && role.superuser() || contains(c.privilegeRoles(roleOid), ownerOid);
    }

    /** Whether the role has the privileges of {@code ofRoleOid} ({@code pg_has_role(..., 'USAGE')}); superusers do. */
    public static boolean hasMembership(Catalog c, int roleOid, int ofRoleOid) {
        return isOwner(c, roleOid, ofRoleOid);
    }

    /** Whether the role is a member of {@code ofRoleOid}, directly or not, INHERIT or not ({@code 'MEMBER'}); superusers are. */
    public static boolean isMember(Catalog c, int roleOid, int ofRoleOid) {
        if (roleOid == ofRoleOid) {
            return true;
        }
        Role role = c.role(roleOid);
        if (role != null && role.superuser()) {
            return true;
        }
        return contains(memberClosure(c, roleOid), ofRoleOid);
    }

    /** Every role the role is a member of, directly or not, ignoring INHERIT, with the role first. */
    public static int[] memberClosure(Catalog c, int roleOid) {
        return RoleGraph.closure(roleOid, RoleGraph.parents(c.memberships()), java.util.Map.of(), false);
    }

    /**
     * Whether the role may grant membership in {@code ofRoleOid} through ADMIN OPTION: it holds the
     * option itself or through roles whose privileges it inherits (superuser and CREATEROLE not counted).
     */
    public static boolean hasAdminOption(Catalog c, int roleOid, int ofRoleOid) {
        int[] roles = c.privilegeRoles(roleOid);
        for (RoleMembership m : c.memberships()) {
            if (m.roleOid() == ofRoleOid && m.adminOption() && contains(roles, m.memberOid())) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL 15's ACL of a new object of the kind owned by {@code ownerOid} (what a null ACL means). */
    public static Acl defaultAcl(AclObjectKind kind, int ownerOid) {
        List<AclItem> items = new ArrayList<>(2);
        int publicPrivileges = switch (kind) {
            case TABLE, SEQUENCE, SCHEMA -> 0;
            case DATABASE -> DATABASE_PUBLIC;
            case FUNCTION -> FUNCTION_PUBLIC;
        };
        if (publicPrivileges != 0) {
            items.add(new AclItem(AclItem.PUBLIC, ownerOid, publicPrivileges, 0));
        }
        items.add(new AclItem(ownerOid, ownerOid, kind.allPrivileges(), 0));
        return new Acl(items);
    }

    /**
     * The ACL an object has now: its stored ACL, or the default one a null ACL stands for (the
     * built-in schemas pg_catalog, public and information_schema also grant USAGE to PUBLIC).
     */
    public static Acl effectiveAcl(Catalog c, int databaseOid, AclObjectKind kind, int objectOid) {
        switch (kind) {
            case DATABASE -> {
                Acl acl = c.databaseAcl(objectOid);
                Database d = c.database(objectOid);
                return acl != null || d == null ? acl : defaultAcl(kind, d.ownerOid());
            }
            case SCHEMA -> {
                DatabaseCatalog objects = c.objects(databaseOid);
                Acl acl = objects.acl(objectOid);
                Namespace n = objects.namespace(objectOid);
                return acl != null || n == null ? acl : builtinSchemaAcl(n);
            }
            case FUNCTION -> {
                Acl acl = c.objects(databaseOid).acl(objectOid);
                return acl != null ? acl : defaultAcl(kind, Catalog.BOOTSTRAP_SUPERUSER);
            }
            case TABLE, SEQUENCE -> {
                DatabaseCatalog objects = c.objects(databaseOid);
                Relation r = objects.privilegeRelation(objectOid);
                if (r == null) {
                    return null;
                }
                Acl acl = objects.acl(r.oid());
                return acl != null ? acl : defaultAcl(r.kind() == 'S' ? AclObjectKind.SEQUENCE : AclObjectKind.TABLE,
                        r.ownerOid());
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    /** The ACL a schema's null nspacl stands for: owner UC, and PUBLIC U for pg_catalog, public, information_schema. */
    public static Acl builtinSchemaAcl(Namespace n) {
        Acl owner = defaultAcl(AclObjectKind.SCHEMA, n.ownerOid());
        if (!builtinSchemaWithPublicUsage(n.oid())) {
            return owner;
        }
        return new Acl(List.of(owner.items().getFirst(),
                new AclItem(AclItem.PUBLIC, n.ownerOid(), SCHEMA_BUILTIN_PUBLIC, 0)));
    }

    /** Whether a schema is one PostgreSQL creates with USAGE for PUBLIC. */
    public static boolean builtinSchemaWithPublicUsage(int schemaOid) {
        return schemaOid == Catalog.PG_CATALOG_NAMESPACE || schemaOid == Catalog.PUBLIC_NAMESPACE
                || schemaOid == Catalog.INFORMATION_SCHEMA_NAMESPACE;
    }

    static boolean contains(int[] roles, int roleOid) {
        for (int r : roles) {
            if (r == roleOid) {
                return true;
            }
        }
        return false;
    }
}
