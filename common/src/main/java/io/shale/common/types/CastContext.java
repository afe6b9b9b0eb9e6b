package io.shale.common.types;

/** When a cast may be applied, as pg_cast.castcontext says (NONE: no cast exists). */
public enum CastContext {
    /** Applied silently in expressions ('i'). */
    IMPLICIT,
    /** Applied when assigning to a column ('a') or explicitly. */
    ASSIGNMENT,
    /** Only with CAST or :: ('e'). */
    EXPLICIT,
    /** No cast between the two types. */
    NONE;

    /** Whether a cast of this context may be applied where {@code wanted} is the context at hand. */
    public boolean allows(CastContext wanted) {
        return this != NONE && ordinal() <= wanted.ordinal();
    }
}
