package io.shale.storage.lsm;

import io.shale.storage.KeyCursor;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.TransactionOptions.IsolationLevel;
import io.shale.storage.WaitPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random single-threaded sequences of operations, with savepoints, rollbacks and a repeatable
 * read observer, against a model of sorted maps. jqwik prints the seed of every run in its report.
 */
class StoreProperties {
    private static final byte[][] KEYS = {
        {}, {0x00}, {0x01}, {0x7f}, {(byte) 0x80}, {(byte) 0xff}, {0x01, 0x00}, {(byte) 0x80, 0x01},
    };

    sealed interface Action permits Put, Insert, Delete, Get, Lock, Scan, Savepoint, RollbackTo, Release,
            Commit, Rollback, NewSnapshot, Observe, Vacuum, Flush, Compact, Crash {
    }

    record Put(int key, int value) implements Action {
    }

    record Insert(int key, int value) implements Action {
    }

    record Delete(int key) implements Action {
    }

    record Get(int key) implements Action {
    }

    record Lock(int key, LockStrength strength) implements Action {
    }

    record Scan(int from, int to, boolean descending) implements Action {
    }

    record Savepoint() implements Action {
    }

    record RollbackTo(int choice) implements Action {
    }

    record Release(int choice) implements Action {
    }

    record Commit(boolean repeatableRead) implements Action {
    }

    record Rollback(boolean repeatableRead) implements Action {
    }

    record NewSnapshot() implements Action {
    }

    record Observe(boolean restart) implements Action {
    }

    record Vacuum() implements Action {
    }

    /** A checkpoint: the memtable goes to a sorted file (logged store only). */
    record Flush() implements Action {
    }

    /** Compaction of the sorted files (logged store only). */
    record Compact(boolean all) implements Action {
    }

    /** A kill and a restart: the running transactions vanish (logged store only). */
    record Crash() implements Action {
    }

    @Property(tries = 400)
    void storeBehavesLikeTheModel(@ForAll StoreKind kind, @ForAll("actions") List<Action> actions) {
        try (Run run = new Run(kind, kind.open(1, 3))) {
            run.execute(actions);
        }
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Integer> key = Arbitraries.integers().between(0, KEYS.length - 1);
        Arbitrary<Integer> bound = Arbitraries.integers().between(-1, KEYS.length - 1);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 99);
        Arbitrary<Integer> choice = Arbitraries.integers().between(0, 7);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Combinators.combine(key, value).as(Put::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(key, value).as(Insert::new)),
                net.jqwik.api.Tuple.of(3, key.map(Delete::new)),
                net.jqwik.api.Tuple.of(3, key.map(Get::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(key, Arbitraries.of(LockStrength.class)).as(Lock::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(bound, bound, flag).as(Scan::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Savepoint())),
                net.jqwik.api.Tuple.of(2, choice.map(RollbackTo::new)),
                net.jqwik.api.Tuple.of(1, choice.map(Release::new)),
                net.jqwik.api.Tuple.of(2, flag.map(Commit::new)),
                net.jqwik.api.Tuple.of(1, flag.map(Rollback::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new NewSnapshot())),
                net.jqwik.api.Tuple.of(2, flag.map(Observe::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Vacuum())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Flush())),
                net.jqwik.api.Tuple.of(1, flag.map(Compact::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Crash())));
        return action.list().ofMinSize(1).ofMaxSize(60);
    }

    /** One run: the store under test and the model it must match. */
    private static final class Run implements AutoCloseable {
        private record ModelSavepoint(int handle, NavigableMap<byte[], byte[]> state) {
        }

        private final StoreKind kind;
        private LsmKeyValueStore store;
        private NavigableMap<byte[], byte[]> committed = newMap();
        private NavigableMap<byte[], byte[]> working = newMap();
        private final List<ModelSavepoint> savepoints = new ArrayList<>();
        private Transaction transaction;

        Run(StoreKind kind, LsmKeyValueStore store) {
            this.kind = kind;
            this.store = store;
            this.transaction = store.begin(options(false));
        }
        private Transaction observer;
        private NavigableMap<byte[], byte[]> observed;

        void execute(List<Action> actions) {
            for (Action action : actions) {
                step(action);
                assertThat(render(scan(transaction, null, null, false))).as("after %s", action)
                        .isEqualTo(render(working));
            }
            transaction.commit();
            committed = working;
            checkObserver();
            if (kind == StoreKind.VOLATILE) {
                assertThat(store.statistics().keyCount()).isEqualTo(committed.size());
            }
            assertThat(store.statistics().lockWaits()).isEmpty();
            if (observer != null) {
                observer.commit();
            }
            assertThat(store.lockedKeys()).isZero();
            assertThat(store.statistics().runningTransactions()).isEmpty();
        }

        private void step(Action action) {
            switch (action) {
                case Put(int key, int value) -> {
                    transaction.put(KEYS[key], new byte[] {(byte) value});
                    working.put(KEYS[key], new byte[] {(byte) value});
                }
                case Insert(int key, int value) -> {
                    boolean expected = !working.containsKey(KEYS[key]);
                    assertThat(transaction.insert(KEYS[key], new byte[] {(byte) value})).isEqualTo(expected);
                    if (expected) {
                        working.put(KEYS[key], new byte[] {(byte) value});
                    }
                }
                case Delete(int key) -> {
                    transaction.delete(KEYS[key]);
                    working.remove(KEYS[key]);
                }
                case Get(int key) -> assertThat(transaction.get(KEYS[key])).isEqualTo(working.get(KEYS[key]));
                case Lock(int key, LockStrength strength) ->
                        assertThat(transaction.lock(KEYS[key], strength, WaitPolicy.NOWAIT)).isEqualTo(working.get(KEYS[key]));
                case Scan(int from, int to, boolean descending) -> {
                    byte[] low = from < 0 ? null : KEYS[from];
                    byte[] high = to < 0 ? null : KEYS[to];
                    assertThat(render(scan(transaction, low, high, descending)))
                            .isEqualTo(render(expectedRange(working, low, high, descending)));
                }
                case Savepoint() -> savepoints.add(new ModelSavepoint(transaction.savepoint(), copy(working)));
                case RollbackTo(int choice) -> {
                    if (!savepoints.isEmpty()) {
                        int index = choice % savepoints.size();
                        ModelSavepoint target = savepoints.get(index);
                        transaction.rollbackTo(target.handle);
                        savepoints.subList(index + 1, savepoints.size()).clear();
                        working = copy(target.state);
                    }
                }
                case Release(int choice) -> {
                    if (!savepoints.isEmpty()) {
                        int index = choice % savepoints.size();
                        transaction.release(savepoints.get(index).handle);
                        savepoints.subList(index, savepoints.size()).clear();
                    }
                }
                case Commit(boolean repeatableRead) -> {
                    transaction.commit();
                    committed = working;
                    restart(repeatableRead);
                }
                case Rollback(boolean repeatableRead) -> {
                    transaction.rollback();
                    restart(repeatableRead);
                }
                case NewSnapshot() -> transaction.newSnapshot();
                case Observe(boolean restart) -> {
                    checkObserver();
                    if (restart) {
                        if (observer != null) {
                            observer.commit();
                        }
                        observer = store.begin(options(true));
                        observed = copy(committed);
                    }
                }
                case Vacuum() -> store.pruneNow();
                case Flush() -> {
                    if (kind == StoreKind.LOGGED) {
                        store.flushNow();
                    }
                }
                case Compact(boolean all) -> {
                    if (kind == StoreKind.LOGGED && all) {
                        store.compactNow();
                    } else if (kind == StoreKind.LOGGED) {
                        store.compactTieredNow();
                    }
                }
                case Crash() -> {
                    if (kind == StoreKind.LOGGED) {
                        store = kind.reopenAfterCrash(store);
                        observer = null;
                        restart(false);
                    }
                }
            }
        }

        @Override
        public void close() {
            store.close();
        }

        private void restart(boolean repeatableRead) {
            working = copy(committed);
            savepoints.clear();
            transaction = store.begin(options(repeatableRead));
        }

        private void checkObserver() {
            if (observer != null) {
                assertThat(render(scan(observer, null, null, true)))
                        .isEqualTo(render(expectedRange(observed, null, null, true)));
                for (byte[] key : KEYS) {
                    assertThat(observer.get(key)).isEqualTo(observed.get(key));
                }
            }
        }

        private static TransactionOptions options(boolean repeatableRead) {
            return new TransactionOptions(repeatableRead ? IsolationLevel.REPEATABLE_READ : IsolationLevel.READ_COMMITTED,
                    false, Duration.ZERO, Duration.ofSeconds(1));
        }

        private static NavigableMap<byte[], byte[]> expectedRange(NavigableMap<byte[], byte[]> map, byte[] from,
                                                                  byte[] to, boolean descending) {
            NavigableMap<byte[], byte[]> range = map;
            if (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0) {
                range = newMap();
            } else if (from != null && to != null) {
                range = map.subMap(from, true, to, false);
            } else if (from != null) {
                range = map.tailMap(from, true);
            } else if (to != null) {
                range = map.headMap(to, false);
            }
            return descending ? range.descendingMap() : range;
        }

        private static NavigableMap<byte[], byte[]> scan(Transaction transaction, byte[] from, byte[] to,
                                                         boolean descending) {
            NavigableMap<byte[], byte[]> result = new TreeMap<>(descending
                    ? (a, b) -> Arrays.compareUnsigned(b, a) : Arrays::compareUnsigned);
            byte[] previous = null;
            try (KeyCursor cursor = transaction.scan(from, to, descending)) {
                while (cursor.next()) {
                    if (previous != null) {
                        int order = Arrays.compareUnsigned(previous, cursor.key());
                        assertThat(descending ? order > 0 : order < 0).as("cursor order").isTrue();
                    }
                    previous = cursor.key();
                    result.put(cursor.key(), cursor.value());
                }
            }
            return result;
        }

        private static List<String> render(Map<byte[], byte[]> map) {
            List<String> lines = new ArrayList<>();
            for (Map.Entry<byte[], byte[]> entry : map.entrySet()) {
                lines.add(HexFormat.of().formatHex(entry.getKey()) + "=" + HexFormat.of().formatHex(entry.getValue()));
            }
            return lines;
        }

        private static NavigableMap<byte[], byte[]> newMap() {
            return new TreeMap<>(Arrays::compareUnsigned);
        }

        private static NavigableMap<byte[], byte[]> copy(NavigableMap<byte[], byte[]> map) {
            NavigableMap<byte[], byte[]> copy = newMap();
            copy.putAll(map);
            return copy;
        }
    }
}
