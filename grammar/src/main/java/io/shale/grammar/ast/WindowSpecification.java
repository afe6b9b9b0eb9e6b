package io.shale.grammar.ast;

import java.util.List;

/** A window of OVER or of a WINDOW clause, optionally based on a named window. Nullable components: existingWindow, frame. */
public record WindowSpecification(String existingWindow, List<Expression> partitionBy, List<SortItem> orderBy, WindowFrame frame) {
    public WindowSpecification {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }
}
