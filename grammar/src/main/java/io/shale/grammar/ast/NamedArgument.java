package io.shale.grammar.ast;

import java.util.Objects;

/** A named function argument name => value. */
public record NamedArgument(String name, Expression value, int position) implements Expression {
    public NamedArgument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
