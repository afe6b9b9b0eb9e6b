package io.shale.storage.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultInjectingFilesTest {

    private static ByteBuffer bytes(int... values) {
        byte[] array = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            array[i] = (byte) values[i];
        }
        return ByteBuffer.wrap(array);
    }

    private static byte[] content(StorageFiles files, String name) {
        try (StorageFile file = files.open(name)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) file.size());
            file.readFully(0, buffer);
            return buffer.array();
        }
    }

    @Test
    void droppingUnsyncedWritesKeepsWhatWasSynced() {
        FaultInjectingFiles files = new FaultInjectingFiles();
        try (StorageFile file = files.create("f")) {
            file.write(0, bytes(1, 2));
            file.sync();
            files.syncDirectory();
            file.write(2, bytes(3, 4));
            file.truncate(1);
            assertThat(files.hasUnsynced()).isTrue();
        }
        files.crash(CrashMode.DROP_UNSYNCED, new Random(1));
        assertThat(content(files, "f")).containsExactly(1, 2);
        assertThat(files.hasUnsynced()).isFalse();
    }

    @Test
    void aFileWhoseCreationWasNotSyncedMayVanish() {
        FaultInjectingFiles files = new FaultInjectingFiles();
        try (StorageFile file = files.create("f")) {
            file.write(0, bytes(1));
            file.sync();
        }
        files.crash(CrashMode.DROP_UNSYNCED, new Random(1));
        assertThat(files.list()).isEmpty();
    }

    @Test
    void unsyncedRenamesAndDeletesMayBeLost() {
        FaultInjectingFiles files = new FaultInjectingFiles();
        files.create("a").close();
        files.create("b").close();
        files.syncDirectory();
        files.rename("a", "c");
        files.delete("b");
        files.crash(CrashMode.DROP_UNSYNCED, new Random(1));
        assertThat(files.list()).containsExactly("a", "b");
    }

    @Test
    void aTornPrefixKeepsEarlierWritesWholeAndTheLastOnePartly() {
        Set<String> outcomes = new HashSet<>();
        for (int seed = 0; seed < 200; seed++) {
            FaultInjectingFiles files = new FaultInjectingFiles();
            try (StorageFile file = files.create("f")) {
                files.syncDirectory();
                file.write(0, bytes(1, 1, 1, 1));
                file.write(4, bytes(2, 2, 2, 2));
            }
            files.crash(CrashMode.TORN_PREFIX, new Random(seed * 0x9E3779B97F4A7C15L));
            byte[] survived = content(files, "f");
            String text = Arrays.toString(survived);
            outcomes.add(text);
            if (survived.length > 4) {
                assertThat(survived).startsWith(1, 1, 1, 1);
            }
            for (byte b : survived) {
                assertThat(b).isBetween((byte) 0, (byte) 2);
            }
        }
        assertThat(outcomes).contains("[]", "[1, 1, 1, 1, 2, 2, 2]", "[1, 1, 0, 0]");
    }

    @Test
    void reorderingCanKeepALaterWriteWithoutAnEarlierOne() {
        Set<String> outcomes = new HashSet<>();
        for (int seed = 0; seed < 100; seed++) {
            FaultInjectingFiles files = new FaultInjectingFiles();
            try (StorageFile file = files.create("f")) {
                files.syncDirectory();
                file.write(0, bytes(1));
                file.write(1, bytes(2));
            }
            files.crash(CrashMode.REORDER, new Random(seed * 0x9E3779B97F4A7C15L));
            outcomes.add(Arrays.toString(content(files, "f")));
        }
        assertThat(outcomes).containsExactlyInAnyOrder("[]", "[1]", "[0, 2]", "[1, 2]");
    }

    @Test
    void theCutPointThrowsAndEverythingAfterItToo() {
        FaultInjectingFiles files = new FaultInjectingFiles();
        StorageFile file = files.create("f");
        assertThat(files.points()).isEqualTo(1);
        files.cutPowerAtPoint(2);
        file.write(0, bytes(1));
        assertThatThrownBy(file::sync).isInstanceOf(PowerCutException.class);
        assertThat(files.powerOff()).isTrue();
        assertThatThrownBy(() -> file.write(1, bytes(2))).isInstanceOf(PowerCutException.class);
        assertThatThrownBy(files::list).isInstanceOf(PowerCutException.class);
        files.crash(CrashMode.DROP_UNSYNCED, new Random(1));
        assertThatThrownBy(file::size).isInstanceOf(PowerCutException.class);
        assertThat(files.list()).isEmpty();
    }
}
