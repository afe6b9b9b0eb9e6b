package io.shale.storage.lsm;

import org.junit.jupiter.api.Nested;

/** {@link VisibilityCases} against the volatile store and against the store logging to memory files. */
class VisibilityTest {
    @Nested
    class Volatile extends VisibilityCases {
        Volatile() {
            super(StoreKind.VOLATILE);
        }
    }

    @Nested
    class Logged extends VisibilityCases {
        Logged() {
            super(StoreKind.LOGGED);
        }
    }
}
