package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** An ALTER SEQUENCE statement that changes options. */
public record AlterSequence(QualifiedName name, boolean ifExists, List<SequenceOption> options) implements Statement {
    public AlterSequence {
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
    }
}
