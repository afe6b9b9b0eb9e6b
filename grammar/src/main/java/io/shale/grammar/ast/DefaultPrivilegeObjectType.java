package io.shale.grammar.ast;

/** The kind of objects of ALTER DEFAULT PRIVILEGES. */
public enum DefaultPrivilegeObjectType {
    TABLES, SEQUENCES, FUNCTIONS, TYPES, SCHEMAS
}
