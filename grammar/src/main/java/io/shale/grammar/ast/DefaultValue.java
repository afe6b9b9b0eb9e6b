package io.shale.grammar.ast;

/** DEFAULT as a value in INSERT ... VALUES or UPDATE ... SET. */
public record DefaultValue(int position) implements Expression {
}
