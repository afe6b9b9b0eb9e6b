package io.shale.grammar.ast;

/** The strength of a row-locking clause. */
public enum LockStrength {
    UPDATE, NO_KEY_UPDATE, SHARE, KEY_SHARE
}
