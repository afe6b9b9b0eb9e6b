package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A REVOKE of role membership. */
public record RevokeRole(boolean adminOptionFor, List<String> roles, List<RoleSpecification> grantees, DropBehavior behavior) implements Statement {
    public RevokeRole {
        roles = List.copyOf(roles);
        grantees = List.copyOf(grantees);
        Objects.requireNonNull(behavior, "behavior");
    }
}
