package io.shale.server;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.Locale;
import java.util.Map;

/**
 * The node settings that shape its store, validated at start.
 *
 * @param inMemory {@code shale.in_memory} (the {@code --in-memory} flag): the store keeps its
 *     files in memory and nothing survives the node
 * @param fsync PostgreSQL's {@code fsync}: on unless set off explicitly (tests, benchmarks)
 * @param memoryBudget {@code shale.store_memory}: bytes the store may hold in memory (memtable
 *     and block cache), 0 for the store's default (a share of the heap)
 * @param walSkipCorrupt {@code shale.wal_skip_corrupt}: recovery cuts the log at a corrupt record
 *     instead of refusing to start
 * @param checkpointWalSize PostgreSQL's {@code max_wal_size}: the log written between two
 *     checkpoints, which bounds recovery time (1GB by default, as in PostgreSQL)
 */
record StoreSettings(boolean inMemory, boolean fsync, long memoryBudget, boolean walSkipCorrupt,
                     long checkpointWalSize) {
    static final String IN_MEMORY = "shale.in_memory";
    static final String STORE_MEMORY = "shale.store_memory";
    static final String WAL_SKIP_CORRUPT = "shale.wal_skip_corrupt";
    static final String MAX_WAL_SIZE = "max_wal_size";
    static final long DEFAULT_MAX_WAL_SIZE = 1L << 30;
    private static final long MIN_MEMORY = 1L << 20;

    /** Reads the settings; 22023 for a value PostgreSQL would not accept. */
    static StoreSettings of(Map<String, String> settings) {
        long memory = 0;
        String memoryText = settings.get(STORE_MEMORY);
        if (memoryText != null) {
            memory = bytes(STORE_MEMORY, memoryText);
            if (memory < MIN_MEMORY) {
                throw invalid(STORE_MEMORY, memoryText).withDetail("The store needs at least 1MB.");
            }
        }
        long walSize = DEFAULT_MAX_WAL_SIZE;
        String walText = settings.get(MAX_WAL_SIZE);
        if (walText != null) {
            walSize = megabytes(MAX_WAL_SIZE, walText);
            if (walSize < 2 * (16L << 20)) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "\"max_wal_size\" must be at least twice \"wal_segment_size\"");
            }
        }
        return new StoreSettings(bool(settings, IN_MEMORY, false), bool(settings, "fsync", true), memory,
                bool(settings, WAL_SKIP_CORRUPT, false), walSize);
    }

    private static boolean bool(Map<String, String> settings, String name, boolean defaultValue) {
        String text = settings.get(name);
        if (text == null) {
            return defaultValue;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1", "t", "y" -> true;
            case "off", "false", "no", "0", "f", "n" -> false;
            default -> throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "parameter \"" + name + "\" requires a Boolean value");
        };
    }

    /** A size in PostgreSQL's units where a bare number means megabytes (max_wal_size). */
    private static long megabytes(String name, String text) {
        String s = text.strip();
        boolean bare = !s.isEmpty() && Character.isDigit(s.charAt(s.length() - 1));
        return bare ? bytes(name, s + "MB") : bytes(name, s);
    }

    /** A size with PostgreSQL's memory units (B, kB, MB, GB, TB; a bare number is kB). */
    private static long bytes(String name, String text) {
        String s = text.strip();
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw invalid(name, text);
        }
        long unit = switch (s.substring(i).strip()) {
            case "B" -> 1;
            case "", "kB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            case "TB" -> 1L << 40;
            default -> throw invalid(name, text).withHint("Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
        };
        try {
            return Math.multiplyExact(Long.parseLong(s.substring(0, i)), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(name, text);
        }
    }

    private static ShaleException invalid(String name, String text) {
        return new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + text + "\"");
    }
}
