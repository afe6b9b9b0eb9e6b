package io.shale.storage.lsm;

import org.junit.jupiter.api.Nested;

/** {@link PreparedTransactionCases} against the volatile store and against the store logging to memory files. */
class PreparedTransactionTest {
    @Nested
    class Volatile extends PreparedTransactionCases {
        Volatile() {
            super(StoreKind.VOLATILE);
        }
    }

    @Nested
    class Logged extends PreparedTransactionCases {
        Logged() {
            super(StoreKind.LOGGED);
        }
    }
}
