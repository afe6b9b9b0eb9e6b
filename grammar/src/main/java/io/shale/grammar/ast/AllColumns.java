package io.shale.grammar.ast;

/** A select-list * or t.*; a null qualifier means *. Nullable components: qualifier. */
public record AllColumns(QualifiedName qualifier, int position) implements SelectItem {
}
