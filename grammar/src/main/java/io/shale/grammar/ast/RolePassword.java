package io.shale.grammar.ast;

/** [ENCRYPTED] PASSWORD 'p' or PASSWORD NULL. Nullable components: password. */
public record RolePassword(String password, boolean encrypted) implements RoleOption {
}
