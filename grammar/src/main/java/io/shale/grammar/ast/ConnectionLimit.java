package io.shale.grammar.ast;

/** CONNECTION LIMIT n. */
public record ConnectionLimit(long limit) implements RoleOption {
}
