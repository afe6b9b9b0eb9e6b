package io.shale.grammar.ast;

/** The body of a query: a SELECT block, a set operation, a VALUES list or a nested query. */
public sealed interface QueryBody
        permits Query,
                QuerySpecification,
                SetOperation,
                Values {
}
