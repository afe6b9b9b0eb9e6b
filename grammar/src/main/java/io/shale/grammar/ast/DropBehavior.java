package io.shale.grammar.ast;

/** The CASCADE/RESTRICT option of DROP, TRUNCATE and REVOKE. */
public enum DropBehavior {
    DEFAULT, RESTRICT, CASCADE
}
