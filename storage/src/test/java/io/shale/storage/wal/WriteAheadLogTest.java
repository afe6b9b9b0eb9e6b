package io.shale.storage.wal;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.DiskFiles;
import io.shale.storage.file.CountingFiles;
import io.shale.storage.file.MemoryFiles;
import io.shale.storage.file.StorageFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WriteAheadLogTest {

    private static final WalConfig SMALL_SEGMENTS = new WalConfig(4096, true);

    @Test
    void recordsComeBackInOrderWithTheirEndLsns() {
        MemoryFiles files = new MemoryFiles();
        List<Long> lsns = new ArrayList<>();
        try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0)) {
            for (int i = 0; i < 500; i++) {
                lsns.add(wal.append((byte) (i % 7), ReplayedRecord.payload(i, i % 50)));
            }
            lsns.add(wal.append((byte) 3, new byte[0]));
            wal.awaitDurable(wal.endLsn());
            assertThat(wal.durableLsn()).isEqualTo(wal.endLsn());
        }
        List<ReplayedRecord> records = ReplayedRecord.replayAll(files, 0);
        assertThat(records).hasSize(501);
        for (int i = 0; i < 500; i++) {
            assertThat(records.get(i).lsn()).isEqualTo(lsns.get(i));
            assertThat(records.get(i).type()).isEqualTo((byte) (i % 7));
            assertThat(records.get(i).samePayload(ReplayedRecord.payload(i, i % 50))).isTrue();
        }
        assertThat(records.get(500).payload()).isEmpty();
    }

    @Test
    void segmentsAreNamedByTheirStartLsnAndStayNearTheSegmentSize() {
        MemoryFiles files = new MemoryFiles();
        try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0)) {
            for (int i = 0; i < 300; i++) {
                wal.append((byte) 1, ReplayedRecord.payload(i, 100));
                if (i % 10 == 0) {
                    wal.awaitDurable(wal.endLsn());
                }
            }
        }
        long[] starts = WalSegments.list(files);
        assertThat(starts.length).isGreaterThan(5);
        assertThat(files.list().getFirst()).isEqualTo("0000000000000000.wal");
        for (int i = 0; i + 1 < starts.length; i++) {
            long size = files.open(WalSegments.fileName(starts[i])).size();
            assertThat(starts[i] + size).isEqualTo(starts[i + 1]);
            assertThat(size).isLessThanOrEqualTo(4096 + WalRecordDescriptor.INTERNAL_RECORD_SIZE);
        }
        assertThat(ReplayedRecord.replayAll(files, 0)).hasSize(300);
    }

    @Test
    void aRecordLargerThanASegmentGetsASegmentOfItsOwn() {
        MemoryFiles files = new MemoryFiles();
        try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0)) {
            wal.append((byte) 1, ReplayedRecord.payload(1, 10));
            wal.append((byte) 1, ReplayedRecord.payload(2, 3 * 1024 * 1024));
            wal.append((byte) 1, ReplayedRecord.payload(3, 10));
        }
        List<ReplayedRecord> records = ReplayedRecord.replayAll(files, 0);
        assertThat(records).hasSize(3);
        assertThat(records.get(1).samePayload(ReplayedRecord.payload(2, 3 * 1024 * 1024))).isTrue();
        assertThat(WalSegments.list(files)).hasSize(3);
    }

    @Test
    void reopeningContinuesTheLogWhereReplayEnded() {
        MemoryFiles files = new MemoryFiles();
        try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0)) {
            for (int i = 0; i < 100; i++) {
                wal.append((byte) 1, ReplayedRecord.payload(i, 60));
            }
        }
        for (int round = 1; round <= 3; round++) {
            long end = WalReader.replay(files, 0, false, (lsn, type, payload) -> { });
            try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, end)) {
                assertThat(wal.endLsn()).isEqualTo(end);
                for (int i = 0; i < 100; i++) {
                    wal.awaitDurable(wal.append((byte) 1, ReplayedRecord.payload(round * 100 + i, 60)));
                }
            }
        }
        List<ReplayedRecord> records = ReplayedRecord.replayAll(files, 0);
        assertThat(records).hasSize(400);
        for (int i = 0; i < 400; i++) {
            assertThat(records.get(i).samePayload(ReplayedRecord.payload(i, 60))).isTrue();
        }
    }

    @Test
    void replayFromACheckpointLsnSkipsEarlierRecordsAndRecycledSegments() {
        MemoryFiles files = new MemoryFiles();
        long checkpoint;
        try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0)) {
            long lsn = 0;
            for (int i = 0; i < 200; i++) {
                lsn = wal.append((byte) 1, ReplayedRecord.payload(i, 100));
            }
            wal.awaitDurable(lsn);
            checkpoint = lsn;
            int segmentsBefore = WalSegments.list(files).length;
            wal.recycleBefore(checkpoint);
            assertThat(WalSegments.list(files).length).isLessThan(segmentsBefore).isGreaterThanOrEqualTo(1);
            for (int i = 200; i < 210; i++) {
                wal.append((byte) 1, ReplayedRecord.payload(i, 100));
            }
        }
        List<ReplayedRecord> records = ReplayedRecord.replayAll(files, checkpoint);
        assertThat(records).hasSize(10);
        assertThat(records.getFirst().samePayload(ReplayedRecord.payload(200, 100))).isTrue();
    }

    @Test
    void recycleKeepsTheSegmentBeingWritten() {
        MemoryFiles files = new MemoryFiles();
        try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0)) {
            for (int i = 0; i < 100; i++) {
                wal.awaitDurable(wal.append((byte) 1, ReplayedRecord.payload(i, 100)));
            }
            wal.recycleBefore(Long.MAX_VALUE);
            assertThat(WalSegments.list(files)).hasSize(1);
            wal.awaitDurable(wal.append((byte) 1, ReplayedRecord.payload(100, 100)));
        }
        assertThat(WalSegments.list(files)).hasSize(1);
    }

    @Test
    void flushWritesWithoutSyncing() {
        CountingFiles files = new CountingFiles(new MemoryFiles(), 0);
        try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0)) {
            long lsn = wal.append((byte) 1, ReplayedRecord.payload(1, 10));
            long syncsBefore = files.fileSyncs();
            wal.flush();
            assertThat(files.fileSyncs()).isEqualTo(syncsBefore);
            assertThat(wal.durableLsn()).isLessThan(lsn);
            assertThat(files.totalSize()).isGreaterThan(0);
            wal.awaitDurable(lsn);
            assertThat(files.fileSyncs()).isGreaterThan(syncsBefore);
            assertThat(wal.durableLsn()).isGreaterThanOrEqualTo(lsn);
        }
    }

    @Test
    void withFsyncOffNothingIsSynced() {
        CountingFiles files = new CountingFiles(new MemoryFiles(), 0);
        try (WriteAheadLog wal = WriteAheadLog.open(files, new WalConfig(4096, false), 0)) {
            for (int i = 0; i < 200; i++) {
                wal.awaitDurable(wal.append((byte) 1, ReplayedRecord.payload(i, 100)));
            }
        }
        assertThat(files.fileSyncs()).isZero();
        assertThat(files.directorySyncs()).isZero();
        assertThat(ReplayedRecord.replayAll(files, 0)).hasSize(200);
    }

    @Test
    void theReservedTypeAndUseAfterCloseAreRefused() {
        MemoryFiles files = new MemoryFiles();
        WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0);
        assertThatThrownBy(() -> wal.append((byte) 0xFF, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        wal.close();
        wal.close();
        assertThatThrownBy(() -> wal.append((byte) 1, new byte[1]))
                .isInstanceOfSatisfying(ShaleException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE);
                    assertThat(e.getMessage()).isEqualTo("write-ahead log is closed");
                });
    }

    @Test
    void openingAtAnLsnThatIsNotTheEndOfTheLogFails() {
        MemoryFiles files = new MemoryFiles();
        try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0)) {
            wal.append((byte) 1, ReplayedRecord.payload(1, 10));
        }
        assertThatThrownBy(() -> WriteAheadLog.open(files, SMALL_SEGMENTS, 5))
                .isInstanceOfSatisfying(ShaleException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED))
                .hasMessageStartingWith("WAL file \"0000000000000000.wal\" ends at 0/");
    }

    @Test
    void aFailedSyncStopsTheLog() {
        CountingFiles files = new CountingFiles(new MemoryFiles(), 0);
        WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0);
        long lsn = wal.append((byte) 1, ReplayedRecord.payload(1, 10));
        files.failSyncs();
        assertThatThrownBy(() -> wal.awaitDurable(lsn)).isInstanceOfSatisfying(ShaleException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        assertThatThrownBy(() -> wal.append((byte) 1, new byte[1]))
                .hasMessageContaining("could not fsync file");
        wal.close();
    }

    @Test
    void theLogWorksOnDiskAcrossSegmentsRestartsAndATornTail(@TempDir Path directory) throws Exception {
        DiskFiles files = DiskFiles.open(directory);
        try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0)) {
            for (int i = 0; i < 100; i++) {
                wal.awaitDurable(wal.append((byte) 1, ReplayedRecord.payload(i, 90)));
            }
        }
        assertThat(Files.exists(directory.resolve("0000000000000000.wal"))).isTrue();
        long[] starts = WalSegments.list(files);
        String last = WalSegments.fileName(starts[starts.length - 1]);
        try (StorageFile tail = files.open(last)) {
            tail.write(tail.size(), ByteBuffer.wrap(new byte[] {0, 0, 0, 90, 1, 2, 3}));
        }
        long end = WalReader.replay(files, 0, false, (lsn, type, payload) -> { });
        try (WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, end)) {
            wal.awaitDurable(wal.append((byte) 1, ReplayedRecord.payload(100, 90)));
        }
        List<ReplayedRecord> records = ReplayedRecord.replayAll(files, 0);
        assertThat(records).hasSize(101);
        assertThat(records.getLast().samePayload(ReplayedRecord.payload(100, 90))).isTrue();
    }

    @Test
    void lsnsPrintAsPostgresPrintsThem() {
        assertThat(Lsn.format(0)).isEqualTo("0/0");
        assertThat(Lsn.format(0x16B3748L)).isEqualTo("0/16B3748");
        assertThat(Lsn.format(0x1_0000_00A0L)).isEqualTo("1/A0");
        assertThat(Lsn.format(-1L)).isEqualTo("FFFFFFFF/FFFFFFFF");
    }
}
