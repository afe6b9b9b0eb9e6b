package io.shale.grammar.ast;

import java.util.Objects;

/** A name with an optional value, as in WITH (fillfactor=100), EXPLAIN options or CREATE DATABASE options; the value is the text of the literal or identifier. Nullable components: value. */
public record Property(String name, String value) {
    public Property {
        Objects.requireNonNull(name, "name");
    }
}
