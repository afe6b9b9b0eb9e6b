package io.shale.storage.lsm;

import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyCursor;
import io.shale.storage.PreparedTransaction;
import io.shale.storage.Transaction;
import io.shale.storage.file.CrashMode;
import io.shale.storage.file.FaultInjectingFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Power cuts at every write and sync point of a workload of commits, prepared transactions,
 * range drops, checkpoints and compactions: after each cut (unsynced writes dropped, torn or
 * reordered) the store recovers to exactly the acknowledged operations, plus possibly the one
 * that was in flight.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PowerCutTest {
    private static final int STEPS = 36;
    private static final LsmConfig CONFIG = LsmConfig.defaults().withCompaction(false).withWal(4096, 1L << 30);

    /** What the acknowledged operations left, and what the one in flight would add. */
    private static final class Model {
        TreeMap<String, String> rows = new TreeMap<>();
        TreeMap<String, Map<String, String>> prepared = new TreeMap<>();
        TreeMap<String, String> rowsIfInFlight;
        TreeMap<String, Map<String, String>> preparedIfInFlight;
    }

    @Test
    void everyPowerCutRecoversTheAcknowledgedOperations() {
        long seed = Long.getLong("powercut.seed", System.nanoTime());
        System.out.println("PowerCutTest seed " + seed);
        Random random = new Random(seed);
        FaultInjectingFiles counting = new FaultInjectingFiles();
        run(counting, new Model());
        long points = counting.points();
        assertThat(points).isGreaterThan(STEPS);
        CrashMode[] modes = CrashMode.values();
        int checked = 0;
        for (long cut = 1; cut <= points; cut++) {
            for (CrashMode mode : modes) {
                if (mode != CrashMode.DROP_UNSYNCED && random.nextInt(3) != 0) {
                    continue;
                }
                FaultInjectingFiles files = new FaultInjectingFiles();
                files.cutPowerAtPoint(cut);
                Model model = new Model();
                run(files, model);
                files.crash(mode, random);
                verify(files, model, "cut at point " + cut + " of " + points + ", " + mode);
                checked++;
            }
        }
        System.out.println("PowerCutTest " + points + " points, " + checked + " recoveries checked");
    }

    private static void run(FaultInjectingFiles files, Model model) {
        LsmKeyValueStore store;
        try {
            store = LsmKeyValueStore.open(files, CONFIG, new HybridLogicalClock());
        } catch (RuntimeException e) {
            return;
        }
        try {
            for (int step = 0; step < STEPS; step++) {
                step(store, model, step);
            }
            store.close();
        } catch (RuntimeException e) {
            store.simulateCrash();
        }
    }

    private static void step(LsmKeyValueStore store, Model model, int step) {
        model.rowsIfInFlight = new TreeMap<>(model.rows);
        model.preparedIfInFlight = new TreeMap<>(model.prepared);
        if (step % 9 == 4) {
            store.flushNow();
        } else if (step == 22) {
            store.compactNow();
        } else if (step == 17) {
            model.rowsIfInFlight.keySet().removeIf(key -> key.startsWith("k"));
            store.destroyRange(bytes("k"), bytes("l"));
        } else if (step % 8 == 3) {
            Transaction transaction = store.begin(readCommitted());
            Map<String, String> writes = Map.of("p" + step, "prepared" + step, "q" + step, "x".repeat(300));
            writes.forEach((key, value) -> transaction.put(bytes(key), bytes(value)));
            model.preparedIfInFlight.put("g" + step, writes);
            transaction.prepare("g" + step, "owner", "db");
        } else if (step % 8 == 6 && !model.prepared.isEmpty()) {
            String gid = model.prepared.firstKey();
            model.rowsIfInFlight.putAll(model.preparedIfInFlight.remove(gid));
            store.commitPrepared(gid);
        } else {
            Transaction transaction = store.begin(readCommitted());
            String updated = "k" + step % 5;
            String deleted = "k" + (step + 2) % 5;
            transaction.put(bytes(updated), bytes("v" + step));
            transaction.insert(bytes("u" + step), bytes("x".repeat(step * 40)));
            transaction.delete(bytes(deleted));
            model.rowsIfInFlight.put(updated, "v" + step);
            model.rowsIfInFlight.put("u" + step, "x".repeat(step * 40));
            model.rowsIfInFlight.remove(deleted);
            transaction.commit();
        }
        model.rows = model.rowsIfInFlight;
        model.prepared = model.preparedIfInFlight;
    }

    private static void verify(FaultInjectingFiles files, Model model, String situation) {
        try (LsmKeyValueStore store = LsmKeyValueStore.open(files, CONFIG, new HybridLogicalClock())) {
            TreeMap<String, String> rows = new TreeMap<>();
            Transaction reader = store.begin(readCommitted());
            try (KeyCursor cursor = reader.scan(null, null, false)) {
                while (cursor.next()) {
                    rows.put(text(cursor.key()), text(cursor.value()));
                }
            }
            reader.commit();
            TreeSet<String> gids = new TreeSet<>();
            for (PreparedTransaction prepared : store.preparedTransactions()) {
                gids.add(prepared.gid());
            }
            boolean acknowledged = rows.equals(model.rows) && gids.equals(model.prepared.keySet());
            boolean withInFlight = model.rowsIfInFlight != null && rows.equals(model.rowsIfInFlight)
                    && gids.equals(model.preparedIfInFlight.keySet());
            assertThat(acknowledged || withInFlight)
                    .as("%s: recovered %s %s, acknowledged %s %s, in flight %s %s", situation, rows.keySet(), gids,
                            model.rows.keySet(), model.prepared.keySet(),
                            model.rowsIfInFlight == null ? null : model.rowsIfInFlight.keySet(),
                            model.preparedIfInFlight == null ? null : model.preparedIfInFlight.keySet())
                    .isTrue();
            List<String> all = new ArrayList<>(gids);
            for (String gid : all) {
                store.commitPrepared(gid);
            }
        }
    }
}
