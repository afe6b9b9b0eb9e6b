package io.shale.grammar.ast;

import java.util.Objects;

/** A named window of a WINDOW clause. */
public record WindowDefinition(String name, WindowSpecification specification) {
    public WindowDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specification, "specification");
    }
}
