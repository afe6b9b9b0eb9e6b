package io.shale.grammar.ast;

import java.util.List;

/** A DROP ROLE/USER/GROUP statement. */
public record DropRole(List<String> names, boolean ifExists) implements Statement {
    public DropRole {
        names = List.copyOf(names);
    }
}
