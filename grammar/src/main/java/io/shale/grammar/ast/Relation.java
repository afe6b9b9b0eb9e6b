package io.shale.grammar.ast;

/** An item of a FROM clause. */
public sealed interface Relation
        permits Table,
                AliasedRelation,
                SubqueryRelation,
                FunctionRelation,
                Join {
}
