package io.shale.storage.wal;

/**
 * Log sequence numbers: 64-bit byte positions in the write-ahead log, continuous across its
 * segment files, printed as PostgreSQL prints them.
 */
public final class Lsn {

    private Lsn() {
    }

    /** PostgreSQL's {@code X/Y} form: high and low 32 bits in upper-case hex, no leading zeros. */
    public static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/"
                + Long.toHexString(lsn & 0xFFFF_FFFFL).toUpperCase();
    }
}
