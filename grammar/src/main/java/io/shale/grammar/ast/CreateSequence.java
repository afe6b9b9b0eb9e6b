package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A CREATE SEQUENCE statement. */
public record CreateSequence(QualifiedName name, Persistence persistence, boolean ifNotExists, List<SequenceOption> options) implements Statement {
    public CreateSequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(persistence, "persistence");
        options = List.copyOf(options);
    }
}
