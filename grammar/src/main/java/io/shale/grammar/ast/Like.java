package io.shale.grammar.ast;

import java.util.Objects;

/** [NOT] LIKE, ILIKE or SIMILAR TO with an optional ESCAPE. Nullable components: escape. */
public record Like(LikeKind kind, boolean negated, Expression value, Expression pattern, Expression escape, int position) implements Expression {
    public Like {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(pattern, "pattern");
    }
}
