package io.shale.catalog.distribution;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.charset.StandardCharsets;

/**
 * Shard ids and the names of shard tables, indexes and constraints: {@code <name>_<shardid>},
 * with Citus's hashed shortening of names that would pass 63 bytes ({@code reference/citus.md}
 * §3.7–§3.8).
 */
public final class ShardNames {
    /** The first value of {@code pg_dist_shardid_seq}: a fresh cluster's first shard id. */
    public static final long FIRST_SHARD_ID = 102008;

    /** PostgreSQL's NAMEDATALEN: names hold at most 63 bytes. */
    private static final int NAMEDATALEN = 64;

    private ShardNames() {
    }

    /** {@code <name>_<shardid>}, shortened with a hash of the name when it would not fit. */
    public static String shardName(String name, long shardId) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= NAMEDATALEN) {
            throw new ShaleException(ErrorCode.NAME_TOO_LONG,
                    "identifier must be less than " + NAMEDATALEN + " characters");
        }
        String suffix = "_" + shardId;
        if (bytes.length < NAMEDATALEN - suffix.length()) {
            return name + suffix;
        }
        int limit = NAMEDATALEN - suffix.length() - 10;
        int cut = clip(bytes, limit);
        String hex = String.format("%08x", JenkinsHash.hashBytes(bytes));
        return new String(bytes, 0, cut, StandardCharsets.UTF_8) + "_" + hex + suffix;
    }

    /** The longest prefix of at most {@code limit} bytes that ends on a character boundary. */
    private static int clip(byte[] utf8, int limit) {
        int cut = Math.min(limit, utf8.length);
        while (cut > 0 && cut < utf8.length && (utf8[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }
}
