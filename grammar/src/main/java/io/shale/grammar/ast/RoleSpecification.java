package io.shale.grammar.ast;

import java.util.Objects;

/** A role designation: a name, CURRENT_USER, SESSION_USER, CURRENT_ROLE or PUBLIC. Nullable components: name. */
public record RoleSpecification(RoleSpecificationKind kind, String name) {
    public RoleSpecification {
        Objects.requireNonNull(kind, "kind");
    }
}
