package io.shale.grammar.ast;

/** Join criteria NATURAL. */
public record NaturalJoin() implements JoinCriteria {
}
