package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A REVOKE of privileges on objects; empty privileges mean ALL. */
public record Revoke(boolean grantOptionFor, List<Privilege> privileges, GrantObjectType objectType, List<QualifiedName> objects, List<RoleSpecification> grantees, DropBehavior behavior) implements Statement {
    public Revoke {
        privileges = List.copyOf(privileges);
        Objects.requireNonNull(objectType, "objectType");
        objects = List.copyOf(objects);
        grantees = List.copyOf(grantees);
        Objects.requireNonNull(behavior, "behavior");
    }
}
