package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Privileges;
import io.shale.catalog.Role;
import io.shale.catalog.RoleMembership;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.Notice;
import io.shale.grammar.ast.GrantRole;
import io.shale.grammar.ast.RevokeRole;
import io.shale.grammar.ast.RoleSpecification;
import io.shale.grammar.ast.RoleSpecificationKind;

import java.util.ArrayList;
import java.util.List;

/** GRANT and REVOKE of role membership (also CREATE ROLE … IN ROLE / ROLE / ADMIN), with PostgreSQL 15's checks. */
final class MembershipDdl {
    private static final String DATABASE_OWNER = "pg_database_owner";

    private final DdlExecutor ddl;

    MembershipDdl(DdlExecutor ddl) {
        this.ddl = ddl;
    }

    String grantRole(GrantRole g) {
        CatalogEditor editor = ddl.edit();
        List<Role> members = members(g.grantees());
        for (String name : g.roles()) {
            addMembers(editor, named(name), members, g.withAdminOption());
        }
        ddl.commit(editor);
        return "GRANT ROLE";
    }

    String revokeRole(RevokeRole r) {
        CatalogEditor editor = ddl.edit();
        List<Role> members = members(r.grantees());
        for (String name : r.roles()) {
            Role role = named(name);
            checkMayChange(editor.build(), role);
            for (Role member : members) {
                RoleMembership existing = membership(editor.build(), role.oid(), member.oid());
                if (existing == null) {
                    warning("role \"" + member.name() + "\" is not a member of role \"" + role.name() + "\"");
                    continue;
                }
                if (r.adminOptionFor()) {
                    editor.addMembership(new RoleMembership(role.oid(), member.oid(), existing.grantorOid(), false));
                } else {
                    editor.removeMembership(role.oid(), member.oid());
                }
            }
        }
        ddl.commit(editor);
        return "REVOKE ROLE";
    }

    /** PostgreSQL's {@code AddRoleMems}: makes each member a member of {@code role}, granted by the current user. */
    void addMembers(CatalogEditor editor, Role role, List<Role> members, boolean admin) {
        Catalog catalog = editor.build();
        checkMayChange(catalog, role);
        if (role.name().equals(DATABASE_OWNER)) {
            throw new ShaleException(ErrorCode.INVALID_GRANT_OPERATION,
                    "role \"" + DATABASE_OWNER + "\" cannot have explicit members");
        }
        for (Role member : members) {
            catalog = editor.build();
            if (member.oid() == role.oid() || Privileges.isMember(withoutSuperuser(catalog, role), role.oid(), member.oid())) {
                throw new ShaleException(ErrorCode.INVALID_GRANT_OPERATION,
                        "role \"" + role.name() + "\" is a member of role \"" + member.name() + "\"");
            }
            RoleMembership existing = membership(catalog, role.oid(), member.oid());
            if (existing != null && (!admin || existing.adminOption())) {
                ddl.state().notice(new Notice("NOTICE", "00000", "role \"" + member.name()
                        + "\" is already a member of role \"" + role.name() + "\"", null, null));
                continue;
            }
            editor.addMembership(new RoleMembership(role.oid(), member.oid(), ddl.owner(), admin));
        }
    }

    /** The catalog as {@code is_member_of_role_nosuper} sees it: superuser status of {@code role} plays no part. */
    private static Catalog withoutSuperuser(Catalog catalog, Role role) {
        if (!role.superuser()) {
            return catalog;
        }
        CatalogEditor e = catalog.edit();
        e.putRole(new Role(role.oid(), role.name(), false, role.inherit(), role.createRole(), role.createDb(),
                role.canLogin(), role.replication(), role.bypassRls(), role.connectionLimit(), role.password(),
                role.validUntil()));
        return e.build();
    }

    /** Who may grant or revoke membership in a role: superusers for superuser roles, else CREATEROLE or ADMIN OPTION. */
    private void checkMayChange(Catalog catalog, Role role) {
        Role current = catalog.role(ddl.owner());
        boolean superuser = current != null && current.superuser();
        if (role.superuser()) {
            if (!superuser) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "must be superuser to alter superusers");
            }
        } else if (!superuser && (current == null || !current.createRole())
                && !Privileges.hasAdminOption(catalog, ddl.owner(), role.oid())) {
            throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE,
                    "must have admin option on role \"" + role.name() + "\"");
        }
    }

    private static RoleMembership membership(Catalog catalog, int roleOid, int memberOid) {
        for (RoleMembership m : catalog.memberships()) {
            if (m.roleOid() == roleOid && m.memberOid() == memberOid) {
                return m;
            }
        }
        return null;
    }

    private List<Role> members(List<RoleSpecification> grantees) {
        List<Role> result = new ArrayList<>();
        for (RoleSpecification spec : grantees) {
            if (spec.kind() == RoleSpecificationKind.PUBLIC) {
                throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "role \"public\" does not exist");
            }
            result.add(ddl.role(spec));
        }
        return result;
    }

    Role named(String name) {
        return ddl.role(new RoleSpecification(RoleSpecificationKind.NAME, name));
    }

    private void warning(String message) {
        ddl.state().notice(new Notice("WARNING", "01000", message, null, null));
    }
}
