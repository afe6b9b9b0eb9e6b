package io.shale.storage.lsm;

import org.junit.jupiter.api.Nested;

/** {@link TransferStressCases} against the volatile store and against the store logging to memory files. */
class TransferStressTest {
    @Nested
    class Volatile extends TransferStressCases {
        Volatile() {
            super(StoreKind.VOLATILE);
        }
    }

    @Nested
    class Logged extends TransferStressCases {
        Logged() {
            super(StoreKind.LOGGED);
        }
    }
}
