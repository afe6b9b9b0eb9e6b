package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A SET statement for a run-time parameter; empty values mean DEFAULT (SET TIME ZONE, SET NAMES, SET ROLE... are normalised to their parameter names). */
public record SetVariable(String name, List<String> values, boolean local) implements Statement {
    public SetVariable {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }
}
