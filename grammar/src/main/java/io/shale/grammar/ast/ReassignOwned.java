package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A REASSIGN OWNED BY roles TO role statement. */
public record ReassignOwned(List<RoleSpecification> roles, RoleSpecification newOwner) implements Statement {
    public ReassignOwned {
        roles = List.copyOf(roles);
        Objects.requireNonNull(newOwner, "newOwner");
    }
}
