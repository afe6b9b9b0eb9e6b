package io.shale.grammar.ast;

/** How a role is designated. */
public enum RoleSpecificationKind {
    NAME, CURRENT_ROLE, CURRENT_USER, SESSION_USER, PUBLIC
}
