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
            Role sessionUser = catalog.role(session.sessionUser().oid());
            boolean allowed = sessionUser != null && sessionUser.superuser()
                    || Privileges.isMember(catalog, session.sessionUser().oid(), role.oid());
            if (!allowed) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied to set role \"" + name + "\"");
            }
            session.settings.set("role", List.of(role.name()), local);
        }
        updateSuperuser(session);
    }

    /**
     * SET SESSION AUTHORIZATION: a session that authenticated as a superuser becomes another role (session and current
     * user); any other may only name itself. DEFAULT (or RESET) goes back to the authenticated role.
     */
    static void setSessionAuthorization(EngineSession session, List<String> values) {
        Catalog catalog = session.state.catalog();
        String name = values.isEmpty() ? "default" : values.getFirst();
        if (name.equalsIgnoreCase("default")) {
            session.authorization = null;
        } else {
            Role role = catalog.role(name);
            if (role == null) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "role \"" + name + "\" does not exist");
            }
            Role authenticated = catalog.role(session.sessionRole.oid());
            if (role.oid() != session.sessionRole.oid() && (authenticated == null || !authenticated.superuser())) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE,
                        "permission denied to set session authorization \"" + name + "\"");
            }
            session.authorization = role.oid() == session.sessionRole.oid() ? null : role;
        }
        session.settings.set("role", List.of("none"), false);
        session.settings.setInternal("session_authorization", session.sessionUser().name());
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
