package io.shale.grammar.ast;

/** One action of an ALTER TABLE statement. */
public sealed interface AlterTableAction
        permits AddColumn,
                DropColumn,
                RenameColumn,
                RenameTable,
                RenameConstraint,
                SetSchema,
                SetColumnDefault,
                DropColumnDefault,
                SetNotNull,
                DropNotNull,
                AlterColumnType,
                AddConstraint,
                DropConstraint,
                ValidateConstraint,
                ChangeOwner,
                SetReplicaIdentity,
                SetOptions,
                ResetOptions {
}
