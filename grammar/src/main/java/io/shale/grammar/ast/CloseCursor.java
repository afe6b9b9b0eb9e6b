package io.shale.grammar.ast;

/** A CLOSE statement; a null name means ALL. Nullable components: name. */
public record CloseCursor(String name) implements Statement {
}
