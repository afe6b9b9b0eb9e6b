package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.WaitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.lsm.StoreTestSupport.awaitWaiting;
import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.commitPuts;
import static io.shale.storage.lsm.StoreTestSupport.entries;
import static io.shale.storage.lsm.StoreTestSupport.failure;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
abstract class PreparedTransactionCases extends ConcurrentStoreTest {
    PreparedTransactionCases(StoreKind kind) {
        super(kind);
    }

    @Test
    void preparedWritesStayInvisibleAndLockedUntilCommitPrepared() throws Exception {
        commitPuts(store, "k", "0");
        Transaction transaction = store.begin(readCommitted());
        transaction.put(bytes("k"), bytes("1"));
        transaction.put(bytes("new"), bytes("1"));
        transaction.prepare("g1", "alice", "db");
        assertThat(transaction.isFinished()).isTrue();
        failure(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, () -> transaction.get(bytes("k")));
        assertThat(store.statistics().runningTransactions()).isEmpty();
        assertThat(store.preparedTransactions()).singleElement().satisfies(p -> {
            assertThat(p.gid()).isEqualTo("g1");
            assertThat(p.transactionId()).isEqualTo(transaction.id());
            assertThat(p.owner()).isEqualTo("alice");
            assertThat(p.database()).isEqualTo("db");
            assertThat(p.preparedAtMicros()).isPositive();
        });
        assertThat(entries(store.begin(readCommitted()), null, null, false)).containsExactly("k=0");
        Transaction writer = store.begin(readCommitted());
        CompletableFuture<Void> update = CompletableFuture.runAsync(() -> writer.put(bytes("k"), bytes("2")), executor);
        awaitWaiting(store, writer);
        Transaction inserter = store.begin(readCommitted());
        CompletableFuture<Boolean> insert = CompletableFuture.supplyAsync(() -> inserter.insert(bytes("new"), bytes("2")), executor);
        awaitWaiting(store, inserter);
        store.commitPrepared("g1");
        update.get(5, TimeUnit.SECONDS);
        assertThat(insert.get(5, TimeUnit.SECONDS)).isFalse();
        writer.commit();
        inserter.commit();
        assertThat(entries(store.begin(readCommitted()), null, null, false)).containsExactly("k=2", "new=1");
        assertThat(store.preparedTransactions()).isEmpty();
        assertThat(store.lockedKeys()).isZero();
    }

    @Test
    void rollbackPreparedDiscardsTheWritesAndReleasesTheLocks() {
        commitPuts(store, "k", "0");
        Transaction transaction = store.begin(readCommitted());
        transaction.put(bytes("k"), bytes("1"));
        transaction.lock(bytes("k"), LockStrength.FOR_UPDATE, WaitPolicy.WAIT);
        transaction.prepare("g1", "alice", "db");
        store.rollbackPrepared("g1");
        Transaction reader = store.begin(readCommitted());
        assertThat(text(reader.lock(bytes("k"), LockStrength.FOR_UPDATE, WaitPolicy.NOWAIT))).isEqualTo("0");
        reader.commit();
        assertThat(store.preparedTransactions()).isEmpty();
    }

    @Test
    void aGidInUseIsRefusedAndTheTransactionRolledBack() {
        Transaction first = store.begin(readCommitted());
        first.put(bytes("a"), bytes("1"));
        first.prepare("same", "alice", "db");
        Transaction second = store.begin(readCommitted());
        second.put(bytes("b"), bytes("1"));
        var error = failure(ErrorCode.DUPLICATE_OBJECT, () -> second.prepare("same", "bob", "db"));
        assertThat(error.getMessage()).isEqualTo("transaction identifier \"same\" is already in use");
        assertThat(second.isFinished()).isTrue();
        Transaction writer = store.begin(readCommitted());
        assertThat(writer.insert(bytes("b"), bytes("2"))).as("the refused transaction let go of its lock").isTrue();
        writer.commit();
        store.commitPrepared("same");
        assertThat(entries(store.begin(readCommitted()), null, null, false)).containsExactly("a=1", "b=2");
    }

    @Test
    void unknownGidsAreReported() {
        var commit = failure(ErrorCode.UNDEFINED_OBJECT, () -> store.commitPrepared("nope"));
        assertThat(commit.getMessage()).isEqualTo("prepared transaction with identifier \"nope\" does not exist");
        failure(ErrorCode.UNDEFINED_OBJECT, () -> store.rollbackPrepared("nope"));
        Transaction transaction = store.begin(readCommitted());
        transaction.prepare("once", "alice", "db");
        store.commitPrepared("once");
        failure(ErrorCode.UNDEFINED_OBJECT, () -> store.commitPrepared("once"));
    }
}
