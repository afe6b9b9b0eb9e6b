package io.shale.grammar.ast;

import java.util.Objects;

/** An ALTER SCHEMA/DATABASE/SEQUENCE/VIEW/TYPE ... OWNER TO statement. */
public record AlterOwner(ObjectType type, QualifiedName name, RoleSpecification owner) implements Statement {
    public AlterOwner {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
    }
}
