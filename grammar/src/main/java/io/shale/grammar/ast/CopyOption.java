package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** An option of COPY; FORCE_QUOTE and friends carry columns or *. Nullable components: value. */
public record CopyOption(String name, String value, List<String> columns, boolean allColumns) {
    public CopyOption {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
