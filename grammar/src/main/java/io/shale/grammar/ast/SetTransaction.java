package io.shale.grammar.ast;

import java.util.List;

/** A SET TRANSACTION or SET SESSION CHARACTERISTICS AS TRANSACTION statement. */
public record SetTransaction(List<TransactionMode> modes, boolean sessionCharacteristics) implements Statement {
    public SetTransaction {
        modes = List.copyOf(modes);
    }
}
