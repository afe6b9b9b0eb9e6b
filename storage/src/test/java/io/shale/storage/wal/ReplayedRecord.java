package io.shale.storage.wal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A record as replay handed it over, and helpers to collect and generate records in tests. */
record ReplayedRecord(long lsn, byte type, byte[] payload) {

    static List<ReplayedRecord> replayAll(io.shale.storage.file.StorageFiles files, long from) {
        List<ReplayedRecord> records = new ArrayList<>();
        WalReader.replay(files, from, false, (lsn, type, payload) ->
                records.add(new ReplayedRecord(lsn, type, payload)));
        return records;
    }

    /** A payload that says which record it is: its number, then bytes derived from it. */
    static byte[] payload(int number, int length) {
        byte[] bytes = new byte[Math.max(4, length)];
        bytes[0] = (byte) (number >>> 24);
        bytes[1] = (byte) (number >>> 16);
        bytes[2] = (byte) (number >>> 8);
        bytes[3] = (byte) number;
        for (int i = 4; i < bytes.length; i++) {
            bytes[i] = (byte) (number * 31 + i);
        }
        return bytes;
    }

    boolean samePayload(byte[] other) {
        return Arrays.equals(payload, other);
    }
}
