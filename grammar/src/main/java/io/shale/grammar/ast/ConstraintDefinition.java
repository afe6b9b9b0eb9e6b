package io.shale.grammar.ast;

/** A column or table constraint; column-level constraints have no column list. */
public sealed interface ConstraintDefinition
        permits NotNullConstraint,
                NullConstraint,
                DefaultConstraint,
                IdentityConstraint,
                GeneratedConstraint,
                PrimaryKeyConstraint,
                UniqueConstraint,
                CheckConstraint,
                ForeignKeyConstraint {
}
