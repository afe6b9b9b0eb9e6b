package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.Privileges;
import io.shale.catalog.Role;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.List;

/**
 * SET ROLE / RESET ROLE: the current user becomes a role the session user is a member of (PostgreSQL's
 * {@code permission denied to set role "r"} otherwise); privileges are then checked as that role.
 */
final class RoleSwitch {
    private RoleSwitch() {
    }

    static void set(EngineSession session, List<String> values, boolean local) {
        String name = values.isEmpty() ? "none" : values.getFirst();
        if (name.equalsIgnoreCase("none")) {
            session.settings.set("role", List.of("none"), local);
        } else {
            Catalog catalog = session.state.catalog();
            Role role = catalog.role(name);
            if (role == null) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "role \"" + name + "\" does not exist");
            }
            Role sessionRole = catalog.role(session.sessionRole.oid());
            boolean allowed = sessionRole != null && sessionRole.superuser()
                    || Privileges.isMember(catalog, session.sessionRole.oid(), role.oid());
            if (!allowed) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied to set role \"" + name + "\"");
            }
            session.settings.set("role", List.of(role.name()), local);
        }
        updateSuperuser(session);
    }

    static void reset(EngineSession session) {
        session.settings.reset("role");
        updateSuperuser(session);
    }

    private static void updateSuperuser(EngineSession session) {
        Role current = session.state.catalog().role(session.state.currentUserOid());
        session.settings.setInternal("is_superuser", current != null && current.superuser() ? "on" : "off");
    }
}
