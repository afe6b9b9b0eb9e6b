package io.shale.grammar.ast;

import java.util.Objects;

/** A COMMIT PREPARED statement. */
public record CommitPrepared(String transactionId) implements Statement {
    public CommitPrepared {
        Objects.requireNonNull(transactionId, "transactionId");
    }
}
