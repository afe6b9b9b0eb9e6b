package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** An ALTER ROLE/USER statement that changes options. */
public record AlterRole(RoleSpecification role, List<RoleOption> options) implements Statement {
    public AlterRole {
        Objects.requireNonNull(role, "role");
        options = List.copyOf(options);
    }
}
