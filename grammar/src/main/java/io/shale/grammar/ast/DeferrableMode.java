package io.shale.grammar.ast;

/** [NOT] DEFERRABLE. */
public record DeferrableMode(boolean deferrable) implements TransactionMode {
}
