package io.shale.grammar.ast;

/** A positional parameter $n. */
public record Parameter(int index, int position) implements Expression {
}
