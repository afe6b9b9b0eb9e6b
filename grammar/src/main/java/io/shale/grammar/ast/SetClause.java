package io.shale.grammar.ast;

/** One assignment of UPDATE ... SET or ON CONFLICT DO UPDATE SET. */
public sealed interface SetClause
        permits Assignment,
                MultiAssignment {
}
