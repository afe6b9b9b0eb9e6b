package io.shale.grammar.ast;

import java.util.Objects;

/** A ROLLBACK PREPARED statement. */
public record RollbackPrepared(String transactionId) implements Statement {
    public RollbackPrepared {
        Objects.requireNonNull(transactionId, "transactionId");
    }
}
