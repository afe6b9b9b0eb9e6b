package io.shale.engine.plan;

import io.shale.catalog.Constraint;
import io.shale.catalog.Index;
import io.shale.catalog.Table;

import java.util.List;

/**
 * The constraints a write to a table must keep, beyond NOT NULL and unique indexes (which the
 * executor reads from the table itself): CHECKs over the stored row, foreign keys from this table
 * (checked on insert and update), and foreign keys into it (checked on update and delete).
 */
public record TableRules(List<Check> checks, List<ForeignKey> outgoing, List<ForeignKey> incoming) {
    public TableRules {
        checks = List.copyOf(checks);
        outgoing = List.copyOf(outgoing);
        incoming = List.copyOf(incoming);
    }

    public static TableRules none() {
        return new TableRules(List.of(), List.of(), List.of());
    }

    /** A CHECK constraint: its name and its expression over the stored row. */
    public record Check(String name, Expr expression) {
    }

    /**
     * A foreign key from {@code referencing} to {@code referenced}, and the unique index of the
     * referenced table that finds a referenced row.
     */
    public record ForeignKey(Constraint constraint, Table referencing, Table referenced, Index referencedIndex) {
    }
}
