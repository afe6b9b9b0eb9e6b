package io.shale.storage;

/**
 * PostgreSQL's row lock strengths, weakest first. Each strength conflicts with at least the
 * strengths that the weaker ones conflict with, so holding a stronger lock covers a weaker request.
 */
public enum LockStrength {
    FOR_KEY_SHARE, FOR_SHARE, FOR_NO_KEY_UPDATE, FOR_UPDATE;

    /**
     * PostgreSQL's conflict table (documentation 13.3.2, "Row-Level Locks"): whether a lock of
     * this strength held by one transaction blocks {@code other} requested by another.
     */
    public boolean conflictsWith(LockStrength other) {
        return switch (this) {
            case FOR_KEY_SHARE -> other == FOR_UPDATE;
            case FOR_SHARE -> other == FOR_NO_KEY_UPDATE || other == FOR_UPDATE;
            case FOR_NO_KEY_UPDATE -> other != FOR_KEY_SHARE;
            case FOR_UPDATE -> true;
        };
    }

    /** Whether holding this strength already grants a request for {@code requested}. */
    public boolean covers(LockStrength requested) {
        return ordinal() >= requested.ordinal();
    }
}
