package io.shale.grammar.ast;

import java.util.Objects;

/** OWNER TO role. */
public record ChangeOwner(RoleSpecification owner) implements AlterTableAction {
    public ChangeOwner {
        Objects.requireNonNull(owner, "owner");
    }
}
