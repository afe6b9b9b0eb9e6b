package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A privilege of GRANT or REVOKE, with its optional column list. */
public record Privilege(String name, List<String> columns) {
    public Privilege {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
