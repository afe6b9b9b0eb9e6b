package io.shale.storage.lsm;

import org.junit.jupiter.api.Nested;

/** {@link LockingCases} against the volatile store and against the store logging to memory files. */
class LockingTest {
    @Nested
    class Volatile extends LockingCases {
        Volatile() {
            super(StoreKind.VOLATILE);
        }
    }

    @Nested
    class Logged extends LockingCases {
        Logged() {
            super(StoreKind.LOGGED);
        }
    }
}
