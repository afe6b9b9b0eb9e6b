package io.shale.grammar.ast;

import java.util.Objects;

/** A DECLARE ... CURSOR statement. */
public record DeclareCursor(String name, boolean binary, CursorScroll scroll, boolean withHold, Query query) implements Statement {
    public DeclareCursor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scroll, "scroll");
        Objects.requireNonNull(query, "query");
    }
}
