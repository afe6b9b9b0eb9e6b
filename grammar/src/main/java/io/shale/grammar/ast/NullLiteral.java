package io.shale.grammar.ast;

/** NULL. */
public record NullLiteral(int position) implements Expression {
}
