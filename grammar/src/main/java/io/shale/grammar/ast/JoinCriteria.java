package io.shale.grammar.ast;

/** How the rows of a join are matched. */
public sealed interface JoinCriteria
        permits JoinOn,
                JoinUsing,
                NaturalJoin {
}
