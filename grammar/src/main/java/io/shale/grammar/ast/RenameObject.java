package io.shale.grammar.ast;

import java.util.Objects;

/** An ALTER SCHEMA/DATABASE/SEQUENCE/VIEW/INDEX/TYPE/ROLE ... RENAME TO statement. */
public record RenameObject(ObjectType type, QualifiedName name, String newName) implements Statement {
    public RenameObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(newName, "newName");
    }
}
