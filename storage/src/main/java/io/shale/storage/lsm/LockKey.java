package io.shale.storage.lsm;

import java.util.Arrays;

/**
 * A key as a hash-map key of the lock table: compared by content, hash computed once. Holds its
 * own copy, so a caller reusing its key buffer cannot corrupt the table.
 */
final class LockKey {
    final byte[] bytes;
    private final int hash;

    LockKey(byte[] bytes) {
        this.bytes = bytes.clone();
        this.hash = ChainKey.hash(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LockKey that && hash == that.hash && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
