package io.shale.grammar.ast;

/** The quantifier of a quantified comparison (SOME is ANY). */
public enum Quantifier {
    ANY, ALL
}
