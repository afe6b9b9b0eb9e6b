package io.shale.grammar.ast;

import java.util.List;

/**
 * A possibly qualified name such as {@code pg_catalog.pg_class}: unquoted parts are folded to
 * lower case, quoted parts are kept exactly, as PostgreSQL does.
 */
public record QualifiedName(List<String> parts) {
    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a qualified name has at least one part");
        }
    }

    /** Returns the name made of the given parts. */
    public static QualifiedName of(String... parts) {
        return new QualifiedName(List.of(parts));
    }

    /** Returns the last part: the object's own name. */
    public String last() {
        return parts.getLast();
    }

    /** Returns the parts before the last one, or null when the name is not qualified. */
    public QualifiedName prefix() {
        return parts.size() == 1 ? null : new QualifiedName(parts.subList(0, parts.size() - 1));
    }

    @Override
    public String toString() {
        return String.join(".", parts);
    }
}
