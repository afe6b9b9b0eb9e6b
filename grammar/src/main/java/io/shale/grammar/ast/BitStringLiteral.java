package io.shale.grammar.ast;

import java.util.Objects;

/** A bit-string constant: "b" followed by binary digits or "x" followed by hex digits. */
public record BitStringLiteral(String value, int position) implements Expression {
    public BitStringLiteral {
        Objects.requireNonNull(value, "value");
    }
}
