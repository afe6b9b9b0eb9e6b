package io.shale.storage.lsm;

import io.shale.storage.KeyCursor;
import io.shale.storage.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.commitPuts;
import static io.shale.storage.lsm.StoreTestSupport.entries;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.repeatableRead;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
abstract class VisibilityCases {
    private final LsmKeyValueStore store;

    VisibilityCases(StoreKind kind) {
        this.store = kind.open(32, 256);
    }

    @org.junit.jupiter.api.AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void ownWritesAreVisibleOnlyToTheWriterUntilCommit() {
        Transaction writer = store.begin(readCommitted());
        Transaction reader = store.begin(readCommitted());
        writer.put(bytes("a"), bytes("1"));
        assertThat(text(writer.get(bytes("a")))).isEqualTo("1");
        assertThat(reader.get(bytes("a"))).isNull();
        writer.commit();
        assertThat(reader.get(bytes("a"))).as("same statement, old snapshot").isNull();
        reader.newSnapshot();
        assertThat(text(reader.get(bytes("a")))).isEqualTo("1");
    }

    @Test
    void repeatableReadKeepsItsFirstSnapshot() {
        commitPuts(store, "a", "1");
        Transaction reader = store.begin(repeatableRead());
        commitPuts(store, "a", "2", "b", "2");
        reader.newSnapshot();
        assertThat(text(reader.get(bytes("a")))).isEqualTo("1");
        assertThat(reader.get(bytes("b"))).isNull();
        assertThat(entries(reader, null, null, false)).containsExactly("a=1");
    }

    @Test
    void ownDeleteHidesTheKeyFromItsWriterOnly() {
        commitPuts(store, "a", "1", "b", "1");
        Transaction deleter = store.begin(readCommitted());
        deleter.delete(bytes("a"));
        assertThat(deleter.get(bytes("a"))).isNull();
        assertThat(entries(deleter, null, null, false)).containsExactly("b=1");
        Transaction other = store.begin(readCommitted());
        assertThat(text(other.get(bytes("a")))).isEqualTo("1");
        deleter.commit();
        other.newSnapshot();
        assertThat(other.get(bytes("a"))).isNull();
    }

    @Test
    void scanMergesOwnWritesInBothDirections() {
        commitPuts(store, "a", "1", "c", "1", "e", "1", "g", "1");
        Transaction transaction = store.begin(readCommitted());
        transaction.put(bytes("b"), bytes("2"));
        transaction.delete(bytes("c"));
        transaction.put(bytes("e"), bytes("2"));
        transaction.put(bytes("h"), bytes("2"));
        assertThat(entries(transaction, null, null, false)).containsExactly("a=1", "b=2", "e=2", "g=1", "h=2");
        assertThat(entries(transaction, null, null, true)).containsExactly("h=2", "g=1", "e=2", "b=2", "a=1");
        assertThat(entries(transaction, "b", "g", false)).containsExactly("b=2", "e=2");
        assertThat(entries(transaction, "b", "g", true)).containsExactly("e=2", "b=2");
        assertThat(entries(transaction, null, "c", false)).containsExactly("a=1", "b=2");
        assertThat(entries(transaction, "f", null, true)).containsExactly("h=2", "g=1");
        assertThat(entries(transaction, "g", "b", false)).isEmpty();
    }

    @Test
    void keysCompareAsUnsignedBytes() {
        Transaction transaction = store.begin(readCommitted());
        byte[][] keys = {{(byte) 0xff}, {0x01}, {(byte) 0x80}, {0x7f}, {0x7f, 0x00}};
        for (byte[] key : keys) {
            transaction.put(key, key);
        }
        List<Integer> firstBytes = new ArrayList<>();
        try (KeyCursor cursor = transaction.scan(null, null, false)) {
            while (cursor.next()) {
                firstBytes.add((cursor.key()[0] & 0xff) * 10 + cursor.key().length);
            }
        }
        assertThat(firstBytes).containsExactly(11, 1271, 1272, 1281, 2551);
    }

    @Test
    void aScanDoesNotSeeWritesMadeAfterItOpened() {
        commitPuts(store, "a", "1", "b", "1");
        Transaction transaction = store.begin(readCommitted());
        List<String> seen = new ArrayList<>();
        try (KeyCursor cursor = transaction.scan(null, null, false)) {
            while (cursor.next()) {
                String key = text(cursor.key());
                seen.add(key + "=" + text(cursor.value()));
                transaction.put(bytes(key), bytes("2"));
                transaction.put(bytes(key + "x"), bytes("2"));
            }
        }
        assertThat(seen).containsExactly("a=1", "b=1");
        assertThat(entries(transaction, null, null, false)).containsExactly("a=2", "ax=2", "b=2", "bx=2");
    }

    @Test
    void aCursorSurvivesConcurrentInserts() throws Exception {
        for (int i = 0; i < 200; i += 2) {
            commitPuts(store, String.format("k%04d", i), "old");
        }
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Transaction reader = store.begin(readCommitted());
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> inserter = CompletableFuture.runAsync(() -> {
                for (int i = 1; !stop.get() && i < 100_000; i += 2) {
                    commitPuts(store, String.format("k%04d", i % 200), "new");
                }
            }, executor);
            List<String> keys = new ArrayList<>();
            try (KeyCursor cursor = reader.scan(null, null, false)) {
                while (cursor.next()) {
                    keys.add(text(cursor.key()));
                    assertThat(text(cursor.value())).isEqualTo("old");
                }
            }
            stop.set(true);
            inserter.get(10, TimeUnit.SECONDS);
            assertThat(keys).hasSize(100).isSorted();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void multiKeyCommitsAreAtomicForConcurrentReaders() throws Exception {
        int keys = 8;
        String[] initial = new String[keys * 2];
        for (int i = 0; i < keys; i++) {
            initial[2 * i] = "k" + i;
            initial[2 * i + 1] = "0";
        }
        commitPuts(store, initial);
        ExecutorService executor = Executors.newFixedThreadPool(3);
        AtomicBoolean stop = new AtomicBoolean();
        try {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int round = 1; round <= 3000; round++) {
                    Transaction transaction = store.begin(readCommitted());
                    for (int i = 0; i < keys; i++) {
                        transaction.put(bytes("k" + i), bytes(Integer.toString(round)));
                    }
                    transaction.commit();
                }
                stop.set(true);
            }, executor);
            List<CompletableFuture<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                boolean byScan = r == 0;
                readers.add(CompletableFuture.supplyAsync(() -> readUntilStopped(keys, byScan, stop), executor));
            }
            writer.get(15, TimeUnit.SECONDS);
            for (CompletableFuture<Integer> reader : readers) {
                assertThat(reader.get(15, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            stop.set(true);
            executor.shutdownNow();
        }
    }

    private int readUntilStopped(int keys, boolean byScan, AtomicBoolean stop) {
        int reads = 0;
        while (!stop.get() || reads == 0) {
            Transaction transaction = store.begin(readCommitted());
            List<String> values = new ArrayList<>();
            if (byScan) {
                for (String entry : entries(transaction, null, null, reads % 2 == 0)) {
                    values.add(entry.substring(entry.indexOf('=') + 1));
                }
            } else {
                for (int i = 0; i < keys; i++) {
                    values.add(text(transaction.get(bytes("k" + i))));
                }
            }
            transaction.commit();
            assertThat(values).hasSize(keys).containsOnly(values.get(0));
            reads++;
        }
        return reads;
    }
}
