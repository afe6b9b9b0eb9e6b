package io.shale.grammar.ast;

/** TRUE or FALSE. */
public record BooleanLiteral(boolean value, int position) implements Expression {
}
