package io.shale.storage.wal;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.StorageFile;
import io.shale.storage.file.StorageFiles;

import java.util.Arrays;
import java.util.List;

/** Names of segment files: the segment's start LSN as 16 upper-case hex digits, then {@code .wal}. */
final class WalSegments {

    static final String SUFFIX = ".wal";

    private WalSegments() {
    }

    static String fileName(long startLsn) {
        String hex = Long.toHexString(startLsn).toUpperCase();
        return "0".repeat(16 - hex.length()) + hex + SUFFIX;
    }

    static boolean isSegment(String name) {
        if (name.length() != 16 + SUFFIX.length() || !name.endsWith(SUFFIX)) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    static long startOf(String name) {
        return Long.parseUnsignedLong(name.substring(0, 16), 16);
    }

    /** Start LSNs of the segments present, ascending. */
    static long[] list(StorageFiles files) {
        List<String> names = files.list();
        long[] starts = new long[names.size()];
        int count = 0;
        for (String name : names) {
            if (isSegment(name)) {
                starts[count++] = startOf(name);
            }
        }
        long[] result = Arrays.copyOf(starts, count);
        Arrays.sort(result);
        return result;
    }

    /**
     * Opens the last segment, starting at {@code start}, for appending at {@code endLsn}: it must
     * end exactly there. An empty one is deleted instead (null), to be created again when written.
     */
    static StorageFile openTail(StorageFiles files, long start, long endLsn) {
        String name = fileName(start);
        if (start > endLsn) {
            throw new ShaleException(ErrorCode.DATA_CORRUPTED, "WAL file \"" + name
                    + "\" lies beyond the end of the log at " + Lsn.format(endLsn));
        }
        StorageFile file = files.open(name);
        long size = file.size();
        if (start + size != endLsn) {
            file.close();
            throw new ShaleException(ErrorCode.DATA_CORRUPTED, "WAL file \"" + name + "\" ends at "
                    + Lsn.format(start + size) + ", not at the end of the log at " + Lsn.format(endLsn));
        }
        if (size == 0) {
            file.close();
            files.delete(name);
            return null;
        }
        return file;
    }
}
