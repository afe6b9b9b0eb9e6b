package io.shale.grammar;

import io.shale.grammar.ast.Statement;
import java.util.Objects;

/**
 * One statement of a script with its own source text; {@code offset} is the 0-based character
 * (code point) offset of that text in the script, the origin of the statement's AST positions.
 */
public record ParsedStatement(Statement statement, String text, int offset) {
    public ParsedStatement {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(text, "text");
    }
}
