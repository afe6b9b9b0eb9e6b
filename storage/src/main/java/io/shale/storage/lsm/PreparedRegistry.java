package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.PreparedTransaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prepared transactions of a store by global identifier. A gid is reserved while its
 * PREPARE record is written, so two PREPARE TRANSACTION of one gid cannot both succeed; COMMIT
 * or ROLLBACK PREPARED takes the entry out, so only one of them acts. Thread-safe.
 */
final class PreparedRegistry {
    private final ConcurrentHashMap<String, PreparedEntry> byGid = new ConcurrentHashMap<>();

    /**
     * Reserves a gid while its prepare is logged (an entry without info, pinning the log from
     * {@code floorLsn}, at or below where the record will start); fails with 42710 when in use.
     */
    void reserve(String gid, long floorLsn) {
        if (byGid.putIfAbsent(gid, new PreparedEntry(null, null, null, null, floorLsn)) != null) {
            throw new ShaleException(ErrorCode.DUPLICATE_OBJECT,
                    "transaction identifier \"" + gid + "\" is already in use");
        }
    }

    void release(String gid) {
        PreparedEntry entry = byGid.get(gid);
        if (entry != null && entry.info() == null) {
            byGid.remove(gid, entry);
        }
    }

    /** Installs a prepared transaction (over its reservation, or at recovery). */
    void install(PreparedEntry entry) {
        byGid.put(entry.info().gid(), entry);
    }

    /** Takes the entry out for COMMIT/ROLLBACK PREPARED; fails with 42704 when there is none. */
    PreparedEntry take(String gid) {
        PreparedEntry entry = byGid.get(gid);
        if (entry == null || entry.info() == null || !byGid.remove(gid, entry)) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT,
                    "prepared transaction with identifier \"" + gid + "\" does not exist");
        }
        return entry;
    }

    /** Takes the entry out if present (recovery); null otherwise. */
    PreparedEntry remove(String gid) {
        PreparedEntry entry = byGid.get(gid);
        return entry == null || entry.info() == null || !byGid.remove(gid, entry) ? null : entry;
    }

    /** The prepared transactions, oldest first. */
    List<PreparedTransaction> list() {
        List<PreparedTransaction> result = new ArrayList<>();
        for (PreparedEntry entry : byGid.values()) {
            if (entry.info() != null) {
                result.add(entry.info());
            }
        }
        result.sort(Comparator.comparingLong(PreparedTransaction::preparedAtMicros)
                .thenComparing(PreparedTransaction::gid));
        return result;
    }

    /** The entries (for the log position they pin and the id counter). */
    List<PreparedEntry> entries() {
        List<PreparedEntry> result = new ArrayList<>();
        for (PreparedEntry entry : byGid.values()) {
            if (entry.info() != null) {
                result.add(entry);
            }
        }
        return result;
    }

    /** The oldest log position a prepared transaction (or one being prepared) still needs. */
    long oldestLsn() {
        long oldest = Long.MAX_VALUE;
        for (PreparedEntry entry : byGid.values()) {
            oldest = Math.min(oldest, entry.lsn());
        }
        return oldest;
    }
}
