package io.shale.storage.wal;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.MemoryFiles;
import io.shale.storage.file.StorageFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WalReaderTest {

    private static final WalConfig CONFIG = new WalConfig(4096, true);
    private static final String FIRST = "0000000000000000.wal";

    private final MemoryFiles files = new MemoryFiles();
    private final List<Long> ends = new ArrayList<>();

    /** Appends {@code count} records of 50 bytes, each made durable before the next. */
    private void writeDurably(int count) {
        try (WriteAheadLog wal = WriteAheadLog.open(files, CONFIG, 0)) {
            for (int i = 0; i < count; i++) {
                long lsn = wal.append((byte) 1, ReplayedRecord.payload(i, 50));
                wal.awaitDurable(lsn);
                ends.add(lsn);
            }
        }
    }

    private void appendBytes(String name, byte[] bytes) {
        try (StorageFile file = files.open(name)) {
            file.write(file.size(), ByteBuffer.wrap(bytes));
        }
    }

    private void flipByte(String name, long offset) {
        try (StorageFile file = files.open(name)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            file.readFully(offset, one);
            one.put(0, (byte) (one.get(0) ^ 0x40));
            file.write(offset, one.rewind());
        }
    }

    private long sizeOf(String name) {
        try (StorageFile file = files.open(name)) {
            return file.size();
        }
    }

    private void assertTailIsCut(byte[] tail) {
        writeDurably(20);
        long size = sizeOf(FIRST);
        appendBytes(FIRST, tail);
        long end = WalReader.replay(files, 0, false, (lsn, type, payload) -> { });
        assertThat(end).isEqualTo(size);
        assertThat(sizeOf(FIRST)).isEqualTo(size);
        try (WriteAheadLog wal = WriteAheadLog.open(files, CONFIG, end)) {
            wal.awaitDurable(wal.append((byte) 1, ReplayedRecord.payload(20, 50)));
        }
        List<ReplayedRecord> records = ReplayedRecord.replayAll(files, 0);
        assertThat(records).hasSize(21);
        assertThat(records.getLast().samePayload(ReplayedRecord.payload(20, 50))).isTrue();
    }

    @Test
    void aTailOfZerosIsCut() {
        assertTailIsCut(new byte[700]);
    }

    @Test
    void aTailOfGarbageIsCut() {
        long seed = System.nanoTime();
        System.out.println("WalReaderTest.aTailOfGarbageIsCut seed " + seed);
        byte[] garbage = new byte[1000];
        new Random(seed).nextBytes(garbage);
        assertTailIsCut(garbage);
    }

    @Test
    void aShortHeaderAtTheTailIsCut() {
        assertTailIsCut(new byte[] {0, 0, 0, 5, 1});
    }

    @Test
    void aHalfWrittenLastRecordIsCut() {
        writeDurably(20);
        long lastStart = ends.get(19) - WalRecordDescriptor.HEADER_SIZE - 50;
        try (StorageFile file = files.open(FIRST)) {
            file.truncate(lastStart + 20);
        }
        long end = WalReader.replay(files, 0, false, (lsn, type, payload) -> { });
        assertThat(end).isEqualTo(lastStart);
        assertThat(sizeOf(FIRST)).isEqualTo(lastStart);
        assertThat(ReplayedRecord.replayAll(files, 0)).hasSize(19);
    }

    @Test
    void aCorruptRecordInTheMiddleFailsRecoveryWithFileOffsetAndHint() {
        writeDurably(30);
        long badOffset = ends.get(9);
        flipByte(FIRST, badOffset + WalRecordDescriptor.HEADER_SIZE + 7);
        assertThatThrownBy(() -> WalReader.replay(files, 0, false, (lsn, type, payload) -> { }))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED);
                    assertThat(e.code().sqlState()).isEqualTo("XX001");
                    assertThat(e.getMessage()).isEqualTo("invalid WAL record in file \"" + FIRST
                            + "\" at offset " + badOffset);
                    assertThat(e.hint()).contains("shale.wal_skip_corrupt = on");
                });
        long sizeBefore = sizeOf(FIRST);
        assertThat(sizeBefore).isGreaterThan(badOffset);
    }

    @Test
    void skippingCorruptionCutsTheLogAtTheBadRecord() {
        writeDurably(200);
        assertThat(WalSegments.list(files).length).isGreaterThan(2);
        long badOffset = ends.get(9);
        flipByte(FIRST, badOffset + 5);
        List<ReplayedRecord> records = new ArrayList<>();
        long end = WalReader.replay(files, 0, true,
                (lsn, type, payload) -> records.add(new ReplayedRecord(lsn, type, payload)));
        assertThat(end).isEqualTo(badOffset);
        assertThat(records).hasSize(10);
        assertThat(WalSegments.list(files)).containsExactly(0L);
        assertThat(ReplayedRecord.replayAll(files, 0)).hasSize(10);
    }

    @Test
    void corruptionInALaterSegmentNamesThatSegment() {
        writeDurably(200);
        long[] starts = WalSegments.list(files);
        long segment = starts[2];
        long badLsn = ends.stream().filter(lsn -> lsn > segment + 100).findFirst().orElseThrow();
        String name = WalSegments.fileName(segment);
        flipByte(name, badLsn - segment + 2);
        assertThatThrownBy(() -> WalReader.replay(files, 0, false, (lsn, type, payload) -> { }))
                .hasMessage("invalid WAL record in file \"" + name + "\" at offset " + (badLsn - segment));
    }

    @Test
    void aMissingSegmentInTheMiddleIsCorruption() {
        writeDurably(200);
        long[] starts = WalSegments.list(files);
        files.delete(WalSegments.fileName(starts[2]));
        assertThatThrownBy(() -> WalReader.replay(files, 0, false, (lsn, type, payload) -> { }))
                .hasMessage("invalid WAL record in file \"" + WalSegments.fileName(starts[1])
                        + "\" at offset " + (starts[2] - starts[1]));
    }

    @Test
    void badBytesThatNoSyncPointCoversAreATornTailEvenWithValidRecordsAfterThem() {
        // Written but never synced: a power cut may keep a later write and lose an earlier one.
        WriteAheadLog wal = WriteAheadLog.open(files, CONFIG, 0);
        for (int i = 0; i < 20; i++) {
            ends.add(wal.append((byte) 1, ReplayedRecord.payload(i, 50)));
        }
        wal.flush();
        flipByte(FIRST, ends.get(9) + 3);
        List<ReplayedRecord> records = new ArrayList<>();
        long end = WalReader.replay(files, 0, false,
                (lsn, type, payload) -> records.add(new ReplayedRecord(lsn, type, payload)));
        assertThat(end).isEqualTo(ends.get(9));
        assertThat(records).hasSize(10);
        wal.close();
    }

    @Test
    void aCleanCloseProtectsTheLastBatch() {
        try (WriteAheadLog wal = WriteAheadLog.open(files, CONFIG, 0)) {
            for (int i = 0; i < 20; i++) {
                ends.add(wal.append((byte) 1, ReplayedRecord.payload(i, 50)));
            }
        }
        flipByte(FIRST, ends.get(15) + 3);
        assertThatThrownBy(() -> WalReader.replay(files, 0, false, (lsn, type, payload) -> { }))
                .hasMessage("invalid WAL record in file \"" + FIRST + "\" at offset " + ends.get(15));
    }

    @Test
    void anEmptyLogReplaysNothing() {
        assertThat(WalReader.replay(files, 0, false, (lsn, type, payload) -> { })).isZero();
        assertThat(WalReader.replay(files, 12345, false, (lsn, type, payload) -> { })).isEqualTo(12345);
    }

    @Test
    void startingBeyondTheEndOfTheLogFails() {
        writeDurably(3);
        assertThatThrownBy(() -> WalReader.replay(files, ends.getLast() + 100, false,
                (lsn, type, payload) -> { }))
                .isInstanceOfSatisfying(ShaleException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED));
    }
}
