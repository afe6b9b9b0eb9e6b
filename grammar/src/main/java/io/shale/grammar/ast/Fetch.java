package io.shale.grammar.ast;

import java.util.Objects;

/** A FETCH or MOVE statement; a count of Long.MAX_VALUE means ALL. */
public record Fetch(FetchDirection direction, long count, String cursor, boolean move) implements Statement {
    public Fetch {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(cursor, "cursor");
    }
}
