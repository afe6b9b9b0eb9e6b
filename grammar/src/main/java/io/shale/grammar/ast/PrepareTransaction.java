package io.shale.grammar.ast;

import java.util.Objects;

/** A PREPARE TRANSACTION statement. */
public record PrepareTransaction(String transactionId) implements Statement {
    public PrepareTransaction {
        Objects.requireNonNull(transactionId, "transactionId");
    }
}
