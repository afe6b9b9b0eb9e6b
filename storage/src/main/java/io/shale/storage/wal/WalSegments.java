package io.shale.storage.wal;

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
}
