package io.shale.grammar.ast;

import java.util.List;

/** A GRANT of role membership. */
public record GrantRole(List<String> roles, List<RoleSpecification> grantees, boolean withAdminOption) implements Statement {
    public GrantRole {
        roles = List.copyOf(roles);
        grantees = List.copyOf(grantees);
    }
}
