package io.shale.engine.deparse;

/**
 * One deparsed expression: its text, its type as format_type prints it (null when unknown, e.g. a
 * quoted literal), and its precedence for pretty printing.
 */
record Printed(String text, String type, Precedence precedence, Kind kind) {
    /** Binding strength of the printed node's top operator, weakest first. */
    enum Precedence { OR, AND, NOT, IS, COMPARISON, OPERATOR, ADDITIVE, MULTIPLICATIVE, PRIMARY }

    /** What the node is, for the coercion and label rules. */
    enum Kind { COLUMN, NUMBER, STRING, OTHER }

    static Printed primary(String text, String type) {
        return new Printed(text, type, Precedence.PRIMARY, Kind.OTHER);
    }
}
