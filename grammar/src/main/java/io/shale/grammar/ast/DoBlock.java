package io.shale.grammar.ast;

import java.util.Objects;

/** A DO statement with its code string. Nullable components: language. */
public record DoBlock(String code, String language) implements Statement {
    public DoBlock {
        Objects.requireNonNull(code, "code");
    }
}
