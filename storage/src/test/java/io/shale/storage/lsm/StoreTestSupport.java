package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.KeyCursor;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.TransactionOptions.IsolationLevel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Helpers shared by the store's tests: text keys, options, failure checks and condition waits. */
final class StoreTestSupport {
    private StoreTestSupport() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static TransactionOptions readCommitted() {
        return TransactionOptions.defaults();
    }

    static TransactionOptions repeatableRead() {
        return new TransactionOptions(IsolationLevel.REPEATABLE_READ, false, Duration.ZERO, Duration.ofSeconds(1));
    }

    static TransactionOptions withTimeouts(Duration lockTimeout, Duration deadlockTimeout) {
        return new TransactionOptions(IsolationLevel.READ_COMMITTED, false, lockTimeout, deadlockTimeout);
    }

    /** Commits one transaction that writes the given key/value pairs. */
    static void commitPuts(LsmKeyValueStore store, String... keysAndValues) {
        Transaction transaction = store.begin(readCommitted());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            transaction.put(bytes(keysAndValues[i]), bytes(keysAndValues[i + 1]));
        }
        transaction.commit();
    }

    /** "key=value" entries of a scan, in cursor order. */
    static List<String> entries(Transaction transaction, String from, String to, boolean descending) {
        List<String> result = new ArrayList<>();
        try (KeyCursor cursor = transaction.scan(from == null ? null : bytes(from), to == null ? null : bytes(to),
                descending)) {
            while (cursor.next()) {
                result.add(text(cursor.key()) + "=" + text(cursor.value()));
            }
        }
        return result;
    }

    static ShaleException failure(ErrorCode code, Runnable action) {
        ShaleException failure = catchThrowableOfType(ShaleException.class, action::run);
        assertThat(failure).as("expected SQLSTATE %s", code.sqlState()).isNotNull();
        assertThat(failure.code()).isEqualTo(code);
        return failure;
    }

    /** Waits (polling, bounded) until the condition holds. */
    static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Waits until the transaction is blocked on a row lock. */
    static void awaitWaiting(LsmKeyValueStore store, Transaction waiter) {
        awaitCondition("transaction " + waiter.id() + " waits for a lock",
                () -> store.statistics().lockWaits().stream().anyMatch(w -> w.waitingTransaction() == waiter.id()));
    }
}
