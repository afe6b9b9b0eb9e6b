package io.shale.grammar.ast;

import java.util.Objects;

/** SEQUENCE NAME name (identity columns only). */
public record SequenceName(QualifiedName name) implements SequenceOption {
    public SequenceName {
        Objects.requireNonNull(name, "name");
    }
}
