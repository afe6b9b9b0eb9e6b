package io.shale.grammar.ast;

/** The kind of a named database object in DROP, COMMENT, ALTER ... OWNER/RENAME. */
public enum ObjectType {
    TABLE, VIEW, MATERIALIZED_VIEW, INDEX, SEQUENCE, SCHEMA, TYPE, EXTENSION, DATABASE, ROLE, COLUMN, FUNCTION
}
