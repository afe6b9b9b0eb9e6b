package io.shale.grammar.ast;

/** The REPLICA IDENTITY setting of a table. */
public enum ReplicaIdentityKind {
    DEFAULT, FULL, NOTHING, INDEX
}
