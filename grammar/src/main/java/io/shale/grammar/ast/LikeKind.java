package io.shale.grammar.ast;

/** The kind of a pattern match. */
public enum LikeKind {
    LIKE, ILIKE, SIMILAR_TO
}
