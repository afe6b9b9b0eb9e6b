package io.shale.grammar.ast;

import java.util.Objects;

/** A COMMENT ON statement; a null text removes the comment. Nullable components: text. */
public record Comment(ObjectType type, QualifiedName name, String text) implements Statement {
    public Comment {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }
}
