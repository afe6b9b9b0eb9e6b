package io.shale.grammar.ast;

/** A foreign key's ON DELETE or ON UPDATE action. */
public enum ReferentialAction {
    NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT
}
