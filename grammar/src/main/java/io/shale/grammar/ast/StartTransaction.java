package io.shale.grammar.ast;

import java.util.List;

/** A BEGIN or START TRANSACTION statement. */
public record StartTransaction(List<TransactionMode> modes) implements Statement {
    public StartTransaction {
        modes = List.copyOf(modes);
    }
}
