package io.shale.storage.lsm;

import org.junit.jupiter.api.Nested;

/** {@link StoreSnapshotCases} against the volatile store and against the store logging to memory files. */
class StoreSnapshotTest {
    @Nested
    class Volatile extends StoreSnapshotCases {
        Volatile() {
            super(StoreKind.VOLATILE);
        }
    }

    @Nested
    class Logged extends StoreSnapshotCases {
        Logged() {
            super(StoreKind.LOGGED);
        }
    }
}
