package io.shale.grammar.ast;

/** A DEALLOCATE statement; a null name means ALL. Nullable components: name. */
public record Deallocate(String name) implements Statement {
}
