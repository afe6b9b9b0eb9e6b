package io.shale.storage.wal;

import io.shale.storage.file.MemoryFiles;
import io.shale.storage.file.StorageFile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the log over random records, segment sizes and sync patterns (jqwik logs seeds). */
class WalProperties {

    @Provide
    Arbitrary<List<byte[]>> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2000).list().ofMaxSize(80);
    }

    @Property(tries = 60)
    void replayReturnsExactlyWhatWasAppended(@ForAll("payloads") List<byte[]> payloads,
                                             @ForAll @IntRange(min = 4096, max = 20_000) int segmentSize,
                                             @ForAll @Size(max = 120) List<@IntRange(max = 4) Integer> syncs) {
        MemoryFiles files = new MemoryFiles();
        List<Long> lsns = new ArrayList<>();
        try (WriteAheadLog wal = WriteAheadLog.open(files, new WalConfig(segmentSize, true), 0)) {
            for (int i = 0; i < payloads.size(); i++) {
                long lsn = wal.append((byte) (i % 100), payloads.get(i));
                lsns.add(lsn);
                int action = i < syncs.size() ? syncs.get(i) : 0;
                if (action == 1) {
                    wal.awaitDurable(lsn);
                } else if (action == 2) {
                    wal.flush();
                }
            }
        }
        List<ReplayedRecord> records = ReplayedRecord.replayAll(files, 0);
        assertThat(records).hasSize(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            assertThat(records.get(i).lsn()).isEqualTo(lsns.get(i));
            assertThat(records.get(i).type()).isEqualTo((byte) (i % 100));
            assertThat(records.get(i).samePayload(payloads.get(i))).isTrue();
        }
    }

    @Property(tries = 60)
    void cuttingTheLastSegmentAnywhereLeavesAPrefix(@ForAll("payloads") List<byte[]> payloads,
                                                    @ForAll @IntRange(max = 1_000_000) int cutPermille,
                                                    @ForAll boolean zeroFill) {
        MemoryFiles files = new MemoryFiles();
        List<Long> lsns = new ArrayList<>();
        try (WriteAheadLog wal = WriteAheadLog.open(files, new WalConfig(8192, true), 0)) {
            for (int i = 0; i < payloads.size(); i++) {
                lsns.add(wal.append((byte) 1, payloads.get(i)));
            }
        }
        long[] starts = WalSegments.list(files);
        if (starts.length == 0) {
            return;
        }
        long last = starts[starts.length - 1];
        try (StorageFile file = files.open(WalSegments.fileName(last))) {
            long size = file.size();
            long cut = size * cutPermille / 1_000_000;
            file.truncate(cut);
            if (zeroFill) {
                file.write(cut, ByteBuffer.allocate((int) (size - cut)));
            }
        }
        List<ReplayedRecord> records = new ArrayList<>();
        long end = WalReader.replay(files, 0, false,
                (lsn, type, payload) -> records.add(new ReplayedRecord(lsn, type, payload)));
        assertThat(records.size()).isLessThanOrEqualTo(payloads.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).lsn()).isEqualTo(lsns.get(i));
            assertThat(records.get(i).samePayload(payloads.get(i))).isTrue();
        }
        try (WriteAheadLog reopened = WriteAheadLog.open(files, new WalConfig(8192, true), end)) {
            reopened.awaitDurable(reopened.append((byte) 2, new byte[] {42}));
        }
        assertThat(ReplayedRecord.replayAll(files, 0)).hasSize(records.size() + 1);
    }
}
