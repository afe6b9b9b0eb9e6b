package io.shale.storage.sstable;

/**
 * The byte layout of a sorted file (format version 1). All integers are big-endian; varints are
 * unsigned LEB128.
 *
 * <pre>
 * file:   [data block]* [bloom filter] [block index] [prefix table] [properties] [footer]
 *
 * data block on disk (offset and length in the block index):
 *   +---------------------------+---------+------------------+------------------------------+
 *   | payload (LZ4 or raw)      | type u8 | raw length u32   | crc32c u32 (payload..length) |
 *   +---------------------------+---------+------------------+------------------------------+
 * raw block (~16 KiB): entries, then an offsets array for binary search, then the count:
 *   entry  = [shared varint][suffix length varint][value length + 1 varint, 0 = tombstone]
 *            [timestamp i64][key suffix][value]
 *   shared = bytes shared with the key of the entry's restart point (the entry at index
 *            i - i % restartInterval, which stores its whole key); so every entry decodes alone
 *   [entry offset i32]* [entry count i32]
 *
 * every other section ends with a crc32c u32 over its bytes:
 *   bloom filter  = [hash count u8][word count i32][bit words i64]*  (blocked: 512-bit blocks;
 *                   over distinct user keys)
 *   block index   = [block count i32] then per block [offset i64][length i32][last timestamp i64]
 *                   [last key length varint][last key]
 *   prefix table  = [count i32] then per prefix [first 8 key bytes i64][bytes i64], ascending
 *   properties    = [entry count i64][min timestamp i64][max timestamp i64][restart interval i32]
 *                   [smallest key length varint][smallest key][largest key length varint][largest key]
 *
 * footer (64 bytes, the last of the file):
 *   [magic i64 "ShaleSST"][version i32]
 *   [bloom offset i64][bloom length i32] [index offset i64][index length i32]
 *   [prefix offset i64][prefix length i32] [properties offset i64][properties length i32]
 *   [crc32c u32 over the 60 bytes before it]
 * </pre>
 */
final class SortedFileDescriptor {
    static final long MAGIC = 0x5368616C65535354L;
    static final int VERSION = 1;
    static final int FOOTER_LENGTH = 64;
    static final int BLOCK_TRAILER_LENGTH = 9;
    static final byte BLOCK_RAW = 0;
    static final byte BLOCK_LZ4 = 1;
    static final int SECTION_COUNT = 4;
    static final int BLOOM = 0;
    static final int INDEX = 1;
    static final int PREFIXES = 2;
    static final int PROPERTIES = 3;

    private SortedFileDescriptor() {
    }

    /** The position inside the footer of section {@code section}'s offset (its length follows). */
    static int footerSectionPosition(int section) {
        return 12 + section * 12;
    }

    static int footerCrcPosition() {
        return FOOTER_LENGTH - 4;
    }

    static String sectionName(int section) {
        return switch (section) {
            case BLOOM -> "bloom filter";
            case INDEX -> "block index";
            case PREFIXES -> "prefix table";
            default -> "properties";
        };
    }
}
