package io.shale.grammar.ast;

/** An element of CREATE TABLE's column list: a column or a table constraint. */
public sealed interface TableElement
        permits ColumnDefinition,
                TableConstraint {
}
