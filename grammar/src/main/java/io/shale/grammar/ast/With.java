package io.shale.grammar.ast;

import java.util.List;

/** A WITH clause. */
public record With(boolean recursive, List<CommonTableExpression> tables) {
    public With {
        tables = List.copyOf(tables);
    }
}
