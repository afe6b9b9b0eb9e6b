package io.shale.grammar.ast;

/** One transaction characteristic of BEGIN, START TRANSACTION or SET TRANSACTION. */
public sealed interface TransactionMode
        permits IsolationLevelMode,
                AccessMode,
                DeferrableMode {
}
