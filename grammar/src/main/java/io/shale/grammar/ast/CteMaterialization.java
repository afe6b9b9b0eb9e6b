package io.shale.grammar.ast;

/** The [NOT] MATERIALIZED option of a common table expression. */
public enum CteMaterialization {
    DEFAULT, MATERIALIZED, NOT_MATERIALIZED
}
