package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A FOR UPDATE/SHARE clause of a SELECT. */
public record LockingClause(LockStrength strength, List<QualifiedName> tables, LockWaitPolicy waitPolicy) {
    public LockingClause {
        Objects.requireNonNull(strength, "strength");
        tables = List.copyOf(tables);
        Objects.requireNonNull(waitPolicy, "waitPolicy");
    }
}
