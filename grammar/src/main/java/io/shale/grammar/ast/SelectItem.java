package io.shale.grammar.ast;

/** One item of a select list or of a RETURNING clause. */
public sealed interface SelectItem
        permits SingleColumn,
                AllColumns {
}
