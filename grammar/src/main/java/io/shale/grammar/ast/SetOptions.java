package io.shale.grammar.ast;

import java.util.List;

/** SET (storage options). */
public record SetOptions(List<Property> options) implements AlterTableAction {
    public SetOptions {
        options = List.copyOf(options);
    }
}
