package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.WaitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.commitPuts;
import static io.shale.storage.lsm.StoreTestSupport.entries;
import static io.shale.storage.lsm.StoreTestSupport.failure;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
abstract class SavepointCases extends ConcurrentStoreTest {
    SavepointCases(StoreKind kind) {
        super(kind);
    }

    @Test
    void rollbackToUndoesLaterWritesAndKeepsTheSavepoint() {
        commitPuts(store, "a", "0", "b", "0");
        Transaction transaction = store.begin(readCommitted());
        transaction.put(bytes("a"), bytes("1"));
        int savepoint = transaction.savepoint();
        transaction.put(bytes("a"), bytes("2"));
        transaction.delete(bytes("b"));
        transaction.put(bytes("c"), bytes("2"));
        transaction.rollbackTo(savepoint);
        assertThat(entries(transaction, null, null, false)).containsExactly("a=1", "b=0");
        transaction.put(bytes("d"), bytes("3"));
        transaction.rollbackTo(savepoint);
        assertThat(entries(transaction, null, null, false)).containsExactly("a=1", "b=0");
        transaction.commit();
        assertThat(entries(store.begin(readCommitted()), null, null, false)).containsExactly("a=1", "b=0");
    }

    @Test
    void nestedSavepointsAndRelease() {
        Transaction transaction = store.begin(readCommitted());
        int outer = transaction.savepoint();
        transaction.put(bytes("a"), bytes("1"));
        int inner = transaction.savepoint();
        transaction.put(bytes("b"), bytes("1"));
        transaction.release(inner);
        failure(ErrorCode.INVALID_TRANSACTION_STATE, () -> transaction.rollbackTo(inner));
        int again = transaction.savepoint();
        transaction.put(bytes("c"), bytes("1"));
        transaction.rollbackTo(outer);
        failure(ErrorCode.INVALID_TRANSACTION_STATE, () -> transaction.release(again));
        assertThat(entries(transaction, null, null, false)).isEmpty();
        transaction.put(bytes("d"), bytes("1"));
        transaction.commit();
        assertThat(entries(store.begin(readCommitted()), null, null, false)).containsExactly("d=1");
    }

    @Test
    void rollbackToReleasesOnlyTheLocksTakenAfterIt() throws Exception {
        commitPuts(store, "early", "0", "late", "0", "shared", "0");
        Transaction transaction = store.begin(readCommitted());
        transaction.put(bytes("early"), bytes("1"));
        transaction.lock(bytes("shared"), LockStrength.FOR_SHARE, WaitPolicy.WAIT);
        int savepoint = transaction.savepoint();
        transaction.put(bytes("late"), bytes("1"));
        transaction.lock(bytes("shared"), LockStrength.FOR_UPDATE, WaitPolicy.WAIT);
        Transaction other = store.begin(readCommitted());
        CompletableFuture<byte[]> waiting = lockBlocked(other, "late", LockStrength.FOR_UPDATE);
        transaction.rollbackTo(savepoint);
        assertThat(text(waiting.get(5, TimeUnit.SECONDS))).isEqualTo("0");
        failure(ErrorCode.LOCK_NOT_AVAILABLE, () -> other.lock(bytes("early"), LockStrength.FOR_KEY_SHARE, WaitPolicy.NOWAIT));
        assertThat(text(other.lock(bytes("shared"), LockStrength.FOR_SHARE, WaitPolicy.NOWAIT))).isEqualTo("0");
        failure(ErrorCode.LOCK_NOT_AVAILABLE, () -> other.lock(bytes("shared"), LockStrength.FOR_UPDATE, WaitPolicy.NOWAIT));
        other.rollback();
        transaction.commit();
    }
}
