package io.shale.grammar.ast;

import java.util.List;

/** RESET (storage options). */
public record ResetOptions(List<String> names) implements AlterTableAction {
    public ResetOptions {
        names = List.copyOf(names);
    }
}
