package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.WaitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.LockStrength.FOR_KEY_SHARE;
import static io.shale.storage.LockStrength.FOR_NO_KEY_UPDATE;
import static io.shale.storage.LockStrength.FOR_SHARE;
import static io.shale.storage.LockStrength.FOR_UPDATE;
import static io.shale.storage.lsm.StoreTestSupport.awaitWaiting;
import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.commitPuts;
import static io.shale.storage.lsm.StoreTestSupport.failure;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static io.shale.storage.lsm.StoreTestSupport.withTimeouts;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
abstract class LockingCases extends ConcurrentStoreTest {
    LockingCases(StoreKind kind) {
        super(kind);
    }

    @Test
    void strengthsConflictAsInPostgreSql() {
        commitPuts(store, "k", "v");
        for (LockStrength held : LockStrength.values()) {
            Set<LockStrength> blocked = switch (held) {
                case FOR_KEY_SHARE -> EnumSet.of(FOR_UPDATE);
                case FOR_SHARE -> EnumSet.of(FOR_NO_KEY_UPDATE, FOR_UPDATE);
                case FOR_NO_KEY_UPDATE -> EnumSet.of(FOR_SHARE, FOR_NO_KEY_UPDATE, FOR_UPDATE);
                case FOR_UPDATE -> EnumSet.allOf(LockStrength.class);
            };
            for (LockStrength requested : LockStrength.values()) {
                assertThat(held.conflictsWith(requested)).isEqualTo(blocked.contains(requested));
                Transaction holder = store.begin(readCommitted());
                Transaction other = store.begin(readCommitted());
                assertThat(text(holder.lock(bytes("k"), held, WaitPolicy.NOWAIT))).isEqualTo("v");
                if (blocked.contains(requested)) {
                    var error = failure(ErrorCode.LOCK_NOT_AVAILABLE,
                            () -> other.lock(bytes("k"), requested, WaitPolicy.NOWAIT));
                    assertThat(error.getMessage()).isEqualTo("could not obtain lock on row");
                    assertThat(other.lock(bytes("k"), requested, WaitPolicy.SKIP_LOCKED)).isSameAs(Transaction.SKIPPED);
                } else {
                    assertThat(text(other.lock(bytes("k"), requested, WaitPolicy.NOWAIT))).isEqualTo("v");
                }
                holder.rollback();
                other.rollback();
            }
        }
    }

    @Test
    void sharedLocksAreHeldByManyAndBlockWritersUntilAllEnd() throws Exception {
        commitPuts(store, "k", "v");
        Transaction first = store.begin(readCommitted());
        Transaction second = store.begin(readCommitted());
        first.lock(bytes("k"), FOR_SHARE, WaitPolicy.WAIT);
        second.lock(bytes("k"), FOR_SHARE, WaitPolicy.WAIT);
        Transaction writer = store.begin(readCommitted());
        CompletableFuture<Void> update = CompletableFuture.runAsync(() -> writer.put(bytes("k"), bytes("w")), executor);
        awaitWaiting(store, writer);
        first.commit();
        awaitWaiting(store, writer);
        assertThat(update).isNotDone();
        second.commit();
        update.get(5, TimeUnit.SECONDS);
        writer.commit();
    }

    @Test
    void aReleaseLetsInEveryCompatibleWaiterAndNoOther() throws Exception {
        commitPuts(store, "k", "v");
        Transaction holder = store.begin(readCommitted());
        holder.lock(bytes("k"), FOR_UPDATE, WaitPolicy.WAIT);
        Transaction firstSharer = store.begin(readCommitted());
        Transaction secondSharer = store.begin(readCommitted());
        Transaction updater = store.begin(readCommitted());
        CompletableFuture<byte[]> first = lockBlocked(firstSharer, "k", FOR_SHARE);
        CompletableFuture<byte[]> update = lockBlocked(updater, "k", FOR_UPDATE);
        CompletableFuture<byte[]> second = lockBlocked(secondSharer, "k", FOR_SHARE);
        holder.commit();
        assertThat(text(first.get(5, TimeUnit.SECONDS))).isEqualTo("v");
        assertThat(text(second.get(5, TimeUnit.SECONDS))).isEqualTo("v");
        awaitWaiting(store, updater);
        firstSharer.commit();
        awaitWaiting(store, updater);
        secondSharer.commit();
        assertThat(text(update.get(5, TimeUnit.SECONDS))).isEqualTo("v");
        updater.commit();
        assertThat(store.lockedKeys()).isZero();
    }

    @Test
    void aNonKeyUpdateDoesNotBlockKeyShare() {
        commitPuts(store, "k", "v");
        Transaction updater = store.begin(readCommitted());
        updater.lock(bytes("k"), FOR_NO_KEY_UPDATE, WaitPolicy.WAIT);
        updater.put(bytes("k"), bytes("w"));
        Transaction checker = store.begin(readCommitted());
        assertThat(text(checker.lock(bytes("k"), FOR_KEY_SHARE, WaitPolicy.NOWAIT))).isEqualTo("v");
        failure(ErrorCode.LOCK_NOT_AVAILABLE, () -> checker.lock(bytes("k"), FOR_SHARE, WaitPolicy.NOWAIT));
        updater.commit();
        checker.rollback();
    }

    @Test
    void lockTimeoutEndsTheWait() {
        commitPuts(store, "k", "v");
        Transaction holder = store.begin(readCommitted());
        holder.lock(bytes("k"), FOR_UPDATE, WaitPolicy.WAIT);
        Transaction waiter = store.begin(withTimeouts(Duration.ofMillis(100), Duration.ofSeconds(1)));
        long start = System.nanoTime();
        var error = failure(ErrorCode.LOCK_NOT_AVAILABLE, () -> waiter.put(bytes("k"), bytes("w")));
        assertThat(error.getMessage()).isEqualTo("canceling statement due to lock timeout");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(store.statistics().lockWaits()).isEmpty();
        waiter.rollback();
        holder.commit();
    }

    @Test
    void readCommittedUpdatersDoNotLoseUpdates() throws Exception {
        commitPuts(store, "counter", "0");
        Transaction first = store.begin(readCommitted());
        Transaction second = store.begin(readCommitted());
        int firstValue = Integer.parseInt(text(first.lock(bytes("counter"), FOR_UPDATE, WaitPolicy.WAIT)));
        first.put(bytes("counter"), bytes(Integer.toString(firstValue + 1)));
        CompletableFuture<Void> increment = CompletableFuture.runAsync(() -> {
            int value = Integer.parseInt(text(second.lock(bytes("counter"), FOR_UPDATE, WaitPolicy.WAIT)));
            second.put(bytes("counter"), bytes(Integer.toString(value + 1)));
            second.commit();
        }, executor);
        awaitWaiting(store, second);
        first.commit();
        increment.get(5, TimeUnit.SECONDS);
        Transaction reader = store.begin(readCommitted());
        assertThat(text(reader.get(bytes("counter")))).isEqualTo("2");
    }

    @Test
    void lockReturnsNullForARowDeletedWhileWaiting() throws Exception {
        commitPuts(store, "k", "v");
        Transaction deleter = store.begin(readCommitted());
        deleter.delete(bytes("k"));
        Transaction locker = store.begin(readCommitted());
        CompletableFuture<byte[]> lock = lockBlocked(locker, "k", FOR_UPDATE);
        deleter.commit();
        assertThat(lock.get(5, TimeUnit.SECONDS)).isNull();
        Transaction inserter = store.begin(readCommitted());
        assertThat(inserter.insert(bytes("k"), bytes("again"))).as("the failed lock was let go").isTrue();
    }

    @Test
    void repeatableReadFailsOnConcurrentUpdateAndDelete() {
        commitPuts(store, "u", "1", "d", "1", "x", "1");
        Transaction reader = store.begin(StoreTestSupport.repeatableRead());
        Transaction writer = store.begin(readCommitted());
        writer.put(bytes("u"), bytes("2"));
        writer.delete(bytes("d"));
        writer.commit();
        var update = failure(ErrorCode.SERIALIZATION_FAILURE, () -> reader.put(bytes("u"), bytes("3")));
        assertThat(update.getMessage()).isEqualTo("could not serialize access due to concurrent update");
        failure(ErrorCode.SERIALIZATION_FAILURE, () -> reader.lock(bytes("u"), FOR_SHARE, WaitPolicy.WAIT));
        var delete = failure(ErrorCode.SERIALIZATION_FAILURE, () -> reader.delete(bytes("d")));
        assertThat(delete.getMessage()).isEqualTo("could not serialize access due to concurrent delete");
        reader.put(bytes("x"), bytes("3"));
        reader.rollback();
    }

    @Test
    void repeatableReadWaitsForTheWriterThenFailsOrProceeds() throws Exception {
        commitPuts(store, "k", "1");
        for (boolean writerCommits : new boolean[] {true, false}) {
            Transaction writer = store.begin(readCommitted());
            writer.put(bytes("k"), bytes("2"));
            Transaction reader = store.begin(StoreTestSupport.repeatableRead());
            CompletableFuture<Void> update = CompletableFuture.runAsync(() -> reader.put(bytes("k"), bytes("3")), executor);
            awaitWaiting(store, reader);
            if (writerCommits) {
                writer.commit();
                ExecutionException error = org.assertj.core.api.Assertions.catchThrowableOfType(
                        ExecutionException.class, () -> update.get(5, TimeUnit.SECONDS));
                assertThat(error.getCause()).hasMessage("could not serialize access due to concurrent update");
                reader.rollback();
            } else {
                writer.rollback();
                update.get(5, TimeUnit.SECONDS);
                reader.rollback();
            }
        }
    }

    @Test
    void exactlyOneOfTwoDeadlockedTransactionsFails() throws Exception {
        commitPuts(store, "a", "1", "b", "1");
        TransactionOptions options = withTimeouts(Duration.ZERO, Duration.ofMillis(200));
        Transaction first = store.begin(options);
        Transaction second = store.begin(options);
        first.put(bytes("a"), bytes("first"));
        second.put(bytes("b"), bytes("second"));
        long start = System.nanoTime();
        CompletableFuture<Void> firstWaits = CompletableFuture.runAsync(() -> first.put(bytes("b"), bytes("first")), executor);
        CompletableFuture<Void> secondWaits = CompletableFuture.runAsync(() -> second.put(bytes("a"), bytes("second")), executor);
        CompletableFuture.anyOf(firstWaits, secondWaits).handle((ignored, error) -> null).get(5, TimeUnit.SECONDS);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).isBetween(150L, 200L + 2000L);
        boolean firstFailed = firstWaits.isCompletedExceptionally();
        CompletableFuture<Void> failed = firstFailed ? firstWaits : secondWaits;
        CompletableFuture<Void> survivor = firstFailed ? secondWaits : firstWaits;
        assertThat(failed).isCompletedExceptionally();
        ExecutionException error = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class, failed::get);
        assertThat(error.getCause()).hasMessage("deadlock detected");
        var deadlock = (io.shale.common.error.ShaleException) error.getCause();
        assertThat(deadlock.code()).isEqualTo(ErrorCode.DEADLOCK_DETECTED);
        long victim = (firstFailed ? first : second).id();
        long other = (firstFailed ? second : first).id();
        assertThat(deadlock.detail()).isEqualTo(
                "Transaction " + victim + " waits for a row lock held by transaction " + other + ".\n"
                + "Transaction " + other + " waits for a row lock held by transaction " + victim + ".");
        assertThat(survivor).isNotDone();
        (firstFailed ? first : second).rollback();
        survivor.get(5, TimeUnit.SECONDS);
        (firstFailed ? second : first).commit();
        Transaction reader = store.begin(readCommitted());
        String winner = firstFailed ? "second" : "first";
        assertThat(text(reader.get(bytes("a")))).isEqualTo(winner);
        assertThat(text(reader.get(bytes("b")))).isEqualTo(winner);
    }

    @Test
    void interruptCancelsTheWait() throws Exception {
        commitPuts(store, "k", "v");
        Transaction holder = store.begin(readCommitted());
        holder.lock(bytes("k"), FOR_UPDATE, WaitPolicy.WAIT);
        Transaction waiter = store.begin(readCommitted());
        Thread[] waitingThread = new Thread[1];
        CompletableFuture<Boolean> wait = new CompletableFuture<>();
        waitingThread[0] = Thread.ofPlatform().start(() -> {
            try {
                waiter.lock(bytes("k"), FOR_SHARE, WaitPolicy.WAIT);
                wait.complete(false);
            } catch (RuntimeException e) {
                wait.completeExceptionally(e);
            }
        });
        awaitWaiting(store, waiter);
        waitingThread[0].interrupt();
        ExecutionException error = org.assertj.core.api.Assertions.catchThrowableOfType(
                ExecutionException.class, () -> wait.get(5, TimeUnit.SECONDS));
        assertThat(error.getCause()).hasMessage("canceling statement due to user request");
        assertThat(((io.shale.common.error.ShaleException) error.getCause()).code()).isEqualTo(ErrorCode.QUERY_CANCELED);
        waitingThread[0].join(5000);
        assertThat(store.statistics().lockWaits()).isEmpty();
        assertThat(text(waiter.get(bytes("k")))).as("the transaction stays usable").isEqualTo("v");
        waiter.rollback();
        holder.commit();
        Transaction later = store.begin(readCommitted());
        assertThat(text(later.lock(bytes("k"), FOR_UPDATE, WaitPolicy.NOWAIT))).isEqualTo("v");
        later.commit();
        assertThat(store.lockedKeys()).isZero();
    }

    @Test
    void finishedTransactionsRefuseWorkAndReadOnlyOnesRefuseWrites() {
        Transaction transaction = store.begin(readCommitted());
        transaction.commit();
        assertThat(transaction.isFinished()).isTrue();
        transaction.rollback();
        failure(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, () -> transaction.get(bytes("k")));
        failure(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, transaction::commit);
        Transaction readOnly = store.begin(new TransactionOptions(TransactionOptions.IsolationLevel.READ_COMMITTED,
                true, Duration.ZERO, Duration.ofSeconds(1)));
        failure(ErrorCode.READ_ONLY_SQL_TRANSACTION, () -> readOnly.put(bytes("k"), bytes("v")));
        readOnly.rollback();
        readOnly.rollback();
    }
}
