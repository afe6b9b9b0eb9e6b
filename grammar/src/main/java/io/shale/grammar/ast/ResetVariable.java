package io.shale.grammar.ast;

import java.util.Objects;

/** A RESET statement; the name is "all" for RESET ALL. */
public record ResetVariable(String name) implements Statement {
    public ResetVariable {
        Objects.requireNonNull(name, "name");
    }
}
