package io.shale.engine;

import io.shale.catalog.Acl;
import io.shale.catalog.AclItem;
import io.shale.catalog.AclObjectKind;
import io.shale.catalog.Acls;
import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.DefaultAcl;
import io.shale.catalog.Namespace;
import io.shale.catalog.Privilege;
import io.shale.catalog.Privileges;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.catalog.Sequence;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.AlterDefaultPrivileges;
import io.shale.grammar.ast.DropBehavior;
import io.shale.grammar.ast.RoleSpecification;
import io.shale.grammar.ast.RoleSpecificationKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * ALTER DEFAULT PRIVILEGES (pg_default_acl rows) and the ACL a new table, view, sequence or schema
 * gets from them ({@link #initialAcl}), as PostgreSQL 15 computes it.
 */
final class DefaultPrivileges {
    private static final int TYPE_USAGE = Privilege.USAGE.bit();

    private DefaultPrivileges() {
    }

    static String alter(DdlExecutor ddl, AlterDefaultPrivileges a) {
        char type = switch (a.objectType()) {
            case TABLES -> 'r';
            case SEQUENCES -> 'S';
            case FUNCTIONS -> 'f';
            case TYPES -> 'T';
            case SCHEMAS -> 'n';
        };
        if (type == 'n' && !a.inSchemas().isEmpty()) {
            throw new ShaleException(ErrorCode.INVALID_GRANT_OPERATION,
                    "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS");
        }
        int all = allPrivileges(type);
        int mask = a.privileges().isEmpty() ? all : PrivilegeNames.mask(a.privileges(), all, objectWord(type));
        Catalog catalog = ddl.catalog();
        List<Role> roles = new ArrayList<>();
        if (a.forRoles().isEmpty()) {
            roles.add(catalog.role(ddl.owner()));
        }
        for (String name : a.forRoles()) {
            Role r = ddl.role(new RoleSpecification(RoleSpecificationKind.NAME, name));
            if (!Privileges.isMember(catalog, ddl.owner(), r.oid())) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "must be member of role \"" + name + "\"");
            }
            roles.add(r);
        }
        DatabaseCatalog objects = catalog.objects(ddl.database());
        List<Integer> schemas = new ArrayList<>();
        for (String name : a.inSchemas()) {
            Namespace ns = objects.namespace(name);
            if (ns == null) {
                throw new ShaleException(ErrorCode.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
            }
            schemas.add(ns.oid());
        }
        if (schemas.isEmpty()) {
            schemas.add(0);
        }
        List<Integer> grantees = new ArrayList<>();
        for (RoleSpecification g : a.grantees()) {
            grantees.add(g.kind() == RoleSpecificationKind.PUBLIC ? AclItem.PUBLIC : ddl.role(g).oid());
        }
        if (a.grant() && a.grantOption() && grantees.contains(AclItem.PUBLIC)) {
            throw new ShaleException(ErrorCode.INVALID_GRANT_OPERATION, "grant options can only be granted to roles");
        }
        CatalogEditor editor = ddl.edit();
        for (Role role : roles) {
            for (int schema : schemas) {
                DefaultAcl existing = find(editor.objects(ddl.database()), role.oid(), schema, type);
                Acl acl = existing != null ? existing.acl()
                        : schema == 0 ? builtin(type, role.oid()) : new Acl(List.of());
                for (int grantee : grantees) {
                    acl = a.grant() ? Acls.grant(acl, grantee, role.oid(), mask, a.grantOption())
                            : Acls.revoke(catalog, acl, grantee, role.oid(), mask, a.grantOption(),
                            a.behavior() == DropBehavior.CASCADE, role.oid());
                }
                boolean useless = schema == 0 ? sameItems(acl, builtin(type, role.oid())) : acl.items().isEmpty();
                if (useless) {
                    if (existing != null) {
                        editor.removeDefaultAcl(ddl.database(), existing.oid());
                    }
                } else {
                    int oid = existing != null ? existing.oid() : editor.newOid();
                    editor.putDefaultAcl(ddl.database(), new DefaultAcl(oid, role.oid(), schema, type, acl));
                }
            }
        }
        ddl.commit(editor);
        return "ALTER DEFAULT PRIVILEGES";
    }

    /**
     * The ACL a new object gets from pg_default_acl: null (the built-in default) unless the owner has
     * default privileges for the object type, globally or in the schema ({@code namespaceOid}, 0 for schemas).
     */
    static Acl initialAcl(DatabaseCatalog objects, char objectType, int ownerOid, int namespaceOid) {
        if (objects.defaultAcls().isEmpty()) {
            return null;
        }
        DefaultAcl global = find(objects, ownerOid, 0, objectType);
        DefaultAcl inSchema = namespaceOid == 0 ? null : find(objects, ownerOid, namespaceOid, objectType);
        if (global == null && inSchema == null) {
            return null;
        }
        Acl result = global != null ? global.acl() : builtin(objectType, ownerOid);
        if (inSchema != null) {
            for (AclItem item : inSchema.acl().items()) {
                result = Acls.grant(result, item.granteeOid(), item.grantorOid(), item.privileges(), false);
                if (item.grantOptions() != 0) {
                    result = Acls.grant(result, item.granteeOid(), item.grantorOid(), item.grantOptions(), true);
                }
            }
        }
        return sameItems(result, builtin(objectType, ownerOid)) ? null : result;
    }

    /** Sets the ACL of a relation just created in the editor from the owner's default privileges. */
    static void applyTo(CatalogEditor editor, int databaseOid, Relation r) {
        Acl acl = initialAcl(editor.base().objects(databaseOid), r instanceof Sequence ? 'S' : 'r', r.ownerOid(),
                r.namespaceOid());
        if (acl != null) {
            editor.setAcl(databaseOid, r.oid(), acl);
        }
    }

    /** Sets the ACL of a schema just created in the editor from the owner's default privileges. */
    static void applyTo(CatalogEditor editor, int databaseOid, Namespace ns) {
        Acl acl = initialAcl(editor.base().objects(databaseOid), 'n', ns.ownerOid(), 0);
        if (acl != null) {
            editor.setAcl(databaseOid, ns.oid(), acl);
        }
    }

    /** How PostgreSQL names a pg_default_acl row in messages. */
    static String describe(Catalog catalog, DatabaseCatalog objects, DefaultAcl d) {
        String what = switch (d.objectType()) {
            case 'r' -> "relations";
            case 'S' -> "sequences";
            case 'f' -> "functions";
            case 'T' -> "types";
            default -> "schemas";
        };
        Role role = catalog.role(d.roleOid());
        String text = "default privileges on new " + what + " belonging to role "
                + (role == null ? Integer.toString(d.roleOid()) : role.name());
        Namespace ns = d.namespaceOid() == 0 ? null : objects.namespace(d.namespaceOid());
        return ns == null ? text : text + " in schema " + ns.name();
    }

    private static DefaultAcl find(DatabaseCatalog objects, int roleOid, int namespaceOid, char type) {
        for (DefaultAcl d : objects.defaultAcls()) {
            if (d.roleOid() == roleOid && d.namespaceOid() == namespaceOid && d.objectType() == type) {
                return d;
            }
        }
        return null;
    }

    /** The hard-wired default ACL of an object type ({@code acldefault}). */
    static Acl builtin(char type, int ownerOid) {
        return switch (type) {
            case 'r' -> Privileges.defaultAcl(AclObjectKind.TABLE, ownerOid);
            case 'S' -> Privileges.defaultAcl(AclObjectKind.SEQUENCE, ownerOid);
            case 'f' -> Privileges.defaultAcl(AclObjectKind.FUNCTION, ownerOid);
            case 'T' -> new Acl(List.of(new AclItem(AclItem.PUBLIC, ownerOid, TYPE_USAGE, 0),
                    new AclItem(ownerOid, ownerOid, TYPE_USAGE, 0)));
            default -> Privileges.defaultAcl(AclObjectKind.SCHEMA, ownerOid);
        };
    }

    private static int allPrivileges(char type) {
        return switch (type) {
            case 'r' -> AclObjectKind.TABLE.allPrivileges();
            case 'S' -> AclObjectKind.SEQUENCE.allPrivileges();
            case 'f' -> AclObjectKind.FUNCTION.allPrivileges();
            case 'T' -> TYPE_USAGE;
            default -> AclObjectKind.SCHEMA.allPrivileges();
        };
    }

    private static String objectWord(char type) {
        return switch (type) {
            case 'r' -> "relation";
            case 'S' -> "sequence";
            case 'f' -> "function";
            case 'T' -> "type";
            default -> "schema";
        };
    }

    private static boolean sameItems(Acl a, Acl b) {
        return a.items().size() == b.items().size() && new HashSet<>(a.items()).equals(new HashSet<>(b.items()));
    }
}
