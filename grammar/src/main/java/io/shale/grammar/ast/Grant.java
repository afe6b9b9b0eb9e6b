package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A GRANT of privileges on objects; empty privileges mean ALL. */
public record Grant(List<Privilege> privileges, GrantObjectType objectType, List<QualifiedName> objects, List<RoleSpecification> grantees, boolean withGrantOption) implements Statement {
    public Grant {
        privileges = List.copyOf(privileges);
        Objects.requireNonNull(objectType, "objectType");
        objects = List.copyOf(objects);
        grantees = List.copyOf(grantees);
    }
}
