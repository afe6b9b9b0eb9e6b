package io.shale.grammar.ast;

import java.util.Objects;

/** AS type. */
public record SequenceType(TypeName type) implements SequenceOption {
    public SequenceType {
        Objects.requireNonNull(type, "type");
    }
}
