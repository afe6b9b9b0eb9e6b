package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.LockStrength;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte layouts of the store's log records (the WAL frames each payload with its length, type and
 * CRC). All integers big-endian; a byte string is {@code [length i32][bytes]}, length -1 for
 * null (a deletion's value, an open range bound); a text is a byte string of UTF-8.
 * <pre>
 *   COMMIT            [commit ts i64][count i32] count x ([key][value])
 *   COMMIT_PART       as COMMIT: writes of a large commit, applied with the COMMIT that follows
 *   PREPARE           [transaction id i64][prepared at, micros i64][gid][owner][database]
 *                     [count i32] count x ([key][value])  [locks i32] locks x ([key][strength u8])
 *   COMMIT_PREPARED   [commit ts i64][gid]
 *   ROLLBACK_PREPARED [gid]
 *   DESTROY_RANGE     [ts i64][from][to]
 * </pre>
 * The format version of the log as a whole is the WAL's; a record type unknown to this version
 * fails recovery.
 */
final class LogRecordCodec {
    static final byte COMMIT = 1;
    static final byte PREPARE = 2;
    static final byte COMMIT_PREPARED = 3;
    static final byte ROLLBACK_PREPARED = 4;
    static final byte DESTROY_RANGE = 5;
    static final byte COMMIT_PART = 6;
    /** The bytes of writes above which a commit is logged in several records. */
    static final long PART_BYTES = 4L << 20;

    private LogRecordCodec() {
    }

    /**
     * The COMMIT payload of the transaction's final writes, with the commit timestamp left 0 for
     * {@link #setCommitTimestamp} (taken later, under the log's ordering lock); null when the
     * writes exceed {@link #PART_BYTES} and go through {@link #appendInParts} instead.
     */
    static byte[] commit(TransactionWrites writes) {
        int n = writes.size();
        int count = 0;
        long bytes = 12;
        for (int i = 0; i < n; i++) {
            if (writes.isFinal(i)) {
                bytes += entrySize(writes, i);
                count++;
            }
        }
        return bytes - 12 > PART_BYTES ? null : encodeWrites(writes, 0, n, count, bytes);
    }

    /**
     * Logs a large commit as COMMIT_PART records of about {@link #PART_BYTES} and a final COMMIT
     * record (same layout), encoding one part at a time so that no record or array grows with
     * the transaction; returns the end LSN of the last. The caller holds the ordering lock, so
     * the records are contiguous in the log.
     */
    static long appendInParts(TransactionWrites writes, long timestamp, CommitLog log) {
        int n = writes.size();
        int from = 0;
        int count = 0;
        long bytes = 12;
        for (int i = 0; i < n; i++) {
            if (writes.isFinal(i)) {
                long entry = entrySize(writes, i);
                if (count > 0 && bytes - 12 + entry > PART_BYTES) {
                    byte[] part = encodeWrites(writes, from, i, count, bytes);
                    setCommitTimestamp(part, timestamp);
                    log.append(COMMIT_PART, part);
                    from = i;
                    count = 0;
                    bytes = 12;
                }
                bytes += entry;
                count++;
            }
        }
        byte[] last = encodeWrites(writes, from, n, count, bytes);
        setCommitTimestamp(last, timestamp);
        return log.append(COMMIT, last);
    }

    /** A COMMIT-layout payload of the final writes among {@code [from, to)}. */
    private static byte[] encodeWrites(TransactionWrites writes, int from, int to, int count, long bytes) {
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(bytes));
        out.putLong(0).putInt(count);
        for (int i = from; i < to; i++) {
            if (writes.isFinal(i)) {
                putBytes(out, writes.chain(i).key);
                putBytes(out, writes.version(i).value);
            }
        }
        return out.array();
    }

    private static long entrySize(TransactionWrites writes, int index) {
        byte[] value = writes.version(index).value;
        return 8L + writes.chain(index).key.length + (value == null ? 0 : value.length);
    }

    static void setCommitTimestamp(byte[] commitPayload, long timestamp) {
        ByteBuffer.wrap(commitPayload).putLong(0, timestamp);
    }

    static byte[] prepare(LogRecord.Prepare prepare) {
        ByteBuffer out = ByteBuffer.allocate(prepareSize(prepare));
        out.putLong(prepare.transactionId()).putLong(prepare.preparedAtMicros());
        putText(out, prepare.gid());
        putText(out, prepare.owner());
        putText(out, prepare.database());
        out.putInt(prepare.writes().size());
        for (LogRecord.Write write : prepare.writes()) {
            putBytes(out, write.key());
            putBytes(out, write.value());
        }
        out.putInt(prepare.locks().size());
        for (LogRecord.HeldLock lock : prepare.locks()) {
            putBytes(out, lock.key());
            out.put((byte) lock.strength().ordinal());
        }
        return out.array();
    }

    static byte[] commitPrepared(String gid, long timestamp) {
        byte[] text = gid.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(12 + text.length).putLong(timestamp).putInt(text.length).put(text).array();
    }

    static byte[] rollbackPrepared(String gid) {
        byte[] text = gid.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + text.length).putInt(text.length).put(text).array();
    }

    static byte[] destroyRange(byte[] from, byte[] to, long timestamp) {
        ByteBuffer out = ByteBuffer.allocate(16 + length(from) + length(to));
        out.putLong(timestamp);
        putBytes(out, from);
        putBytes(out, to);
        return out.array();
    }

    /** Decodes a payload; fails with XX001 when it is malformed. */
    static LogRecord decode(byte type, byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            LogRecord record = switch (type) {
                case COMMIT -> new LogRecord.Commit(in.getLong(), writes(in));
                case COMMIT_PART -> new LogRecord.CommitPart(in.getLong(), writes(in));
                case PREPARE -> {
                    long transactionId = in.getLong();
                    long preparedAt = in.getLong();
                    String gid = text(in);
                    String owner = text(in);
                    String database = text(in);
                    yield new LogRecord.Prepare(gid, transactionId, preparedAt, owner, database, writes(in), locks(in));
                }
                case COMMIT_PREPARED -> {
                    long timestamp = in.getLong();
                    yield new LogRecord.CommitPrepared(text(in), timestamp);
                }
                case ROLLBACK_PREPARED -> new LogRecord.RollbackPrepared(text(in));
                case DESTROY_RANGE -> {
                    long timestamp = in.getLong();
                    yield new LogRecord.DestroyRange(bytes(in), bytes(in), timestamp);
                }
                default -> throw malformed("unknown WAL record type " + type);
            };
            if (in.hasRemaining()) {
                throw malformed("trailing bytes in WAL record of type " + type);
            }
            return record;
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw malformed("malformed WAL record of type " + type);
        }
    }

    private static List<LogRecord.Write> writes(ByteBuffer in) {
        int count = in.getInt();
        List<LogRecord.Write> writes = new ArrayList<>(Math.min(count, in.remaining() / 8));
        for (int i = 0; i < count; i++) {
            byte[] key = bytes(in);
            writes.add(new LogRecord.Write(key, bytes(in)));
        }
        return writes;
    }

    private static List<LogRecord.HeldLock> locks(ByteBuffer in) {
        int count = in.getInt();
        List<LogRecord.HeldLock> locks = new ArrayList<>(Math.min(count, in.remaining() / 5));
        LockStrength[] strengths = LockStrength.values();
        for (int i = 0; i < count; i++) {
            byte[] key = bytes(in);
            locks.add(new LogRecord.HeldLock(key, strengths[in.get()]));
        }
        return locks;
    }

    private static int prepareSize(LogRecord.Prepare prepare) {
        int size = 16 + textLength(prepare.gid()) + textLength(prepare.owner()) + textLength(prepare.database()) + 8;
        for (LogRecord.Write write : prepare.writes()) {
            size += 8 + write.key().length + length(write.value());
        }
        for (LogRecord.HeldLock lock : prepare.locks()) {
            size += 5 + lock.key().length;
        }
        return size;
    }

    private static int textLength(String text) {
        return 4 + text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void putBytes(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(-1);
        } else {
            out.putInt(bytes.length).put(bytes);
        }
    }

    private static void putText(ByteBuffer out, String text) {
        putBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static String text(ByteBuffer in) {
        byte[] bytes = bytes(in);
        if (bytes == null) {
            throw malformed("missing text in WAL record");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static ShaleException malformed(String message) {
        return new ShaleException(ErrorCode.DATA_CORRUPTED, message);
    }
}
