package io.shale.storage.lsm;

import org.junit.jupiter.api.Nested;

/** {@link MaintenanceCases} against the volatile store and against the store logging to memory files. */
class MaintenanceTest {
    @Nested
    class Volatile extends MaintenanceCases {
        Volatile() {
            super(StoreKind.VOLATILE);
        }
    }

    @Nested
    class Logged extends MaintenanceCases {
        Logged() {
            super(StoreKind.LOGGED);
        }
    }
}
