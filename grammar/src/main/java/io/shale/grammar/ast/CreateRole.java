package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A CREATE ROLE/USER/GROUP statement; user is true for CREATE USER (LOGIN by default). */
public record CreateRole(String name, boolean user, List<RoleOption> options) implements Statement {
    public CreateRole {
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
    }
}
