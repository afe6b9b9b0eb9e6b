package io.shale.grammar.ast;

import java.util.Objects;

/** A boolean role attribute: superuser, createdb, createrole, inherit, login, replication or bypassrls. */
public record RoleFlag(String flag, boolean enabled) implements RoleOption {
    public RoleFlag {
        Objects.requireNonNull(flag, "flag");
    }
}
