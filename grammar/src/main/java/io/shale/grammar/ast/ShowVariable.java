package io.shale.grammar.ast;

import java.util.Objects;

/** A SHOW statement; SHOW TIME ZONE and SHOW TRANSACTION ISOLATION LEVEL are normalised to parameter names, SHOW ALL to "all". */
public record ShowVariable(String name) implements Statement {
    public ShowVariable {
        Objects.requireNonNull(name, "name");
    }
}
