package io.shale.storage.lsm;

import org.junit.jupiter.api.Nested;

/** {@link UniqueInsertCases} against the volatile store and against the store logging to memory files. */
class UniqueInsertTest {
    @Nested
    class Volatile extends UniqueInsertCases {
        Volatile() {
            super(StoreKind.VOLATILE);
        }
    }

    @Nested
    class Logged extends UniqueInsertCases {
        Logged() {
            super(StoreKind.LOGGED);
        }
    }
}
