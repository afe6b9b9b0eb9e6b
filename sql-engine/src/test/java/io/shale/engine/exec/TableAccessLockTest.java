package io.shale.engine.exec;

import io.shale.catalog.Table;
import io.shale.common.error.ShaleException;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.WaitPolicy;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Row locks through the engine's table access: errors name the relation as PostgreSQL's do. */
@Timeout(30)
class TableAccessLockTest {

    @Test
    void nowaitOnALockedRowNamesTheRelation() {
        Table acc = new Table(16384, 2200, "acc", 10, List.of(), 77L, "heap", Map.of(), 'p', 'd');
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            Transaction holder = store.begin(TransactionOptions.defaults());
            holder.put(TableAccess.rowKey(acc.storageId(), 1), new byte[] {0});
            Transaction other = store.begin(TransactionOptions.defaults());
            ShaleException e = catchThrowableOfType(ShaleException.class,
                    () -> new TableAccess().lock(other, acc, 1, LockStrength.FOR_UPDATE, WaitPolicy.NOWAIT));
            assertThat(e.code().sqlState() + ": " + e.getMessage())
                    .isEqualTo("55P03: could not obtain lock on row in relation \"acc\"");
            other.rollback();
            holder.rollback();
        }
    }
}
