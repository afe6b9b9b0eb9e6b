package io.shale.grammar.ast;

/** The kind of objects a GRANT or REVOKE is about. */
public enum GrantObjectType {
    TABLE, SEQUENCE, DATABASE, SCHEMA, FUNCTION, ALL_TABLES_IN_SCHEMA, ALL_SEQUENCES_IN_SCHEMA, ALL_FUNCTIONS_IN_SCHEMA
}
