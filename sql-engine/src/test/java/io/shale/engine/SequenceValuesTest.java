package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Sequence;
import io.shale.common.types.SqlType;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sequences resume after their logged position when the node restarts, whatever happened before. */
class SequenceValuesTest {

    private static Sequence sequence(int oid, long increment, long min, long max, boolean cycle) {
        return new Sequence(oid, Catalog.PUBLIC_NAMESPACE, "s", Catalog.BOOTSTRAP_SUPERUSER, SqlType.INT8,
                increment > 0 ? min : max, increment, min, max, 1, cycle, 0, (short) 0);
    }

    private static Catalog catalogWith(Sequence seq) {
        CatalogEditor editor = Catalog.bootstrap().edit();
        editor.putRelation(5, seq);
        return editor.build();
    }

    private static SequenceValues restart(MemoryKeyValueStore store, Sequence seq) {
        SequenceValues values = new SequenceValues(store);
        values.load(catalogWith(seq));
        return values;
    }

    @Property(tries = 100)
    void valuesKeepGoingOneWayAcrossCrashesAndIncrementChanges(@ForAll long seed) {
        Random random = new Random(seed);
        long sign = random.nextBoolean() ? 1 : -1;
        Sequence seq = sequence(16384, sign * (1 + random.nextInt(5)), -1_000_000_000L, 1_000_000_000L, false);
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            SequenceValues values = restart(store, seq);
            Long last = null;
            for (int step = 0; step < 300; step++) {
                int op = random.nextInt(20);
                if (op == 0) {
                    values = restart(store, seq);
                } else if (op == 1) {
                    seq = sequence(seq.oid(), sign * (1 + random.nextInt(100)), seq.min(), seq.max(), false);
                } else {
                    long v = values.nextval(seq);
                    if (last != null) {
                        assertThat(sign * (v - last)).as("seed %d, step %d: %d after %d", seed, step, v, last).isPositive();
                    }
                    last = v;
                }
            }
        }
    }

    @Test
    void aCleanShutdownLeavesNoGapAndACrashResumesAfterTheLoggedPosition() {
        Sequence seq = sequence(16384, 1, 1, Long.MAX_VALUE, false);
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            SequenceValues values = restart(store, seq);
            assertThat(values.nextval(seq)).isEqualTo(1);
            assertThat(values.nextval(seq)).isEqualTo(2);
            values.saveExactPositions();
            values = restart(store, seq);
            assertThat(values.nextval(seq)).isEqualTo(3);
            assertThat(restart(store, seq).nextval(seq)).isEqualTo(3 + SequenceValues.LOG_AHEAD + 1);
        }
    }

    @Test
    void setvalAndRestartAreDurableAtOnce() {
        Sequence seq = sequence(16384, 1, 1, Long.MAX_VALUE, false);
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            SequenceValues values = restart(store, seq);
            assertThat(values.nextval(seq)).isEqualTo(1);
            values.setval(seq, 500, true);
            assertThat(restart(store, seq).nextval(seq)).isEqualTo(501);
            values = restart(store, seq);
            values.restart(seq, 42);
            assertThat(restart(store, seq).nextval(seq)).isEqualTo(42);
        }
    }

    @Test
    void aCycleWrapsAndLogsAgain() {
        Sequence seq = sequence(16384, 1, 1, 3, true);
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            SequenceValues values = restart(store, seq);
            assertThat(new long[] {values.nextval(seq), values.nextval(seq), values.nextval(seq), values.nextval(seq)})
                    .containsExactly(1, 2, 3, 1);
            assertThat(restart(store, seq).nextval(seq)).isBetween(1L, 3L);
        }
    }

    @Test
    void theLimitStillHoldsAfterARestart() {
        Sequence seq = sequence(16384, 1, 1, 3, false);
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            SequenceValues values = restart(store, seq);
            values.nextval(seq);
            assertThatThrownBy(() -> restart(store, seq).nextval(seq))
                    .hasMessage("nextval: reached maximum value of sequence \"s\" (3)");
        }
    }

    @Test
    void positionsOfSequencesNotInTheCatalogAreDeletedAtLoad() {
        Sequence seq = sequence(16384, 1, 1, 100, false);
        Sequence other = sequence(16385, 1, 1, 100, false);
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            SequenceValues values = restart(store, seq);
            values.setval(other, 50, true);
            restart(store, seq);
            CatalogEditor editor = catalogWith(seq).edit();
            editor.putRelation(5, other);
            SequenceValues reloaded = new SequenceValues(store);
            reloaded.load(editor.build());
            assertThat(reloaded.nextval(other)).isEqualTo(1);
        }
    }
}
