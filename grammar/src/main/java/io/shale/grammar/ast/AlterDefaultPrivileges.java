package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** An ALTER DEFAULT PRIVILEGES statement; empty privileges mean ALL. */
public record AlterDefaultPrivileges(List<String> forRoles, List<String> inSchemas, boolean grant, boolean grantOption, List<Privilege> privileges, DefaultPrivilegeObjectType objectType, List<RoleSpecification> grantees, DropBehavior behavior) implements Statement {
    public AlterDefaultPrivileges {
        forRoles = List.copyOf(forRoles);
        inSchemas = List.copyOf(inSchemas);
        privileges = List.copyOf(privileges);
        Objects.requireNonNull(objectType, "objectType");
        grantees = List.copyOf(grantees);
        Objects.requireNonNull(behavior, "behavior");
    }
}
