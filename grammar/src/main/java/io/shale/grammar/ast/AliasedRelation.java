package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A FROM item with an alias and optional column aliases. */
public record AliasedRelation(Relation relation, String alias, List<String> columnAliases) implements Relation {
    public AliasedRelation {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(alias, "alias");
        columnAliases = List.copyOf(columnAliases);
    }
}
