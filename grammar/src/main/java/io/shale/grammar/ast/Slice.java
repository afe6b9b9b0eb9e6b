package io.shale.grammar.ast;

import java.util.Objects;

/** An array slice a[lower:upper]; either bound may be omitted. Nullable components: lower, upper. */
public record Slice(Expression base, Expression lower, Expression upper, int position) implements Expression {
    public Slice {
        Objects.requireNonNull(base, "base");
    }
}
