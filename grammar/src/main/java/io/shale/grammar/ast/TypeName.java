package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A type name with its modifiers, array bounds (-1 for an unspecified bound) and interval fields (e.g. "day to second"); SQL-standard spellings are normalised to pg_catalog names as PostgreSQL does. Nullable components: intervalFields. */
public record TypeName(QualifiedName name, List<Expression> modifiers, List<Integer> arrayBounds, String intervalFields, int position) {
    public TypeName {
        Objects.requireNonNull(name, "name");
        modifiers = List.copyOf(modifiers);
        arrayBounds = List.copyOf(arrayBounds);
    }
}
