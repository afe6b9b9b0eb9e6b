package io.shale.storage.lsm;

import org.junit.jupiter.api.Nested;

/** {@link SavepointCases} against the volatile store and against the store logging to memory files. */
class SavepointTest {
    @Nested
    class Volatile extends SavepointCases {
        Volatile() {
            super(StoreKind.VOLATILE);
        }
    }

    @Nested
    class Logged extends SavepointCases {
        Logged() {
            super(StoreKind.LOGGED);
        }
    }
}
