package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A DROP OWNED BY roles [CASCADE | RESTRICT] statement. */
public record DropOwned(List<RoleSpecification> roles, DropBehavior behavior) implements Statement {
    public DropOwned {
        roles = List.copyOf(roles);
        Objects.requireNonNull(behavior, "behavior");
    }
}
