package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.StorageFile;
import io.shale.storage.file.StorageFiles;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * What a checkpoint records: the sorted files (newest first) and dropped ranges that hold the
 * store's data up to {@code flushTimestamp}, and where the log replay starts. Written to a new
 * file, synced, and renamed over {@value #NAME}, so a crash leaves the old or the new one whole.
 * <pre>
 *   [magic "SHMF" u32][format version u32][length of the body u32][CRC32C of the body u32]
 *   body: [checkpoint LSN i64][replay from LSN i64][flush timestamp i64][next file number i64]
 *         [files i32] files x [name]   [dropped i32] dropped x ([from][to][timestamp i64])
 * </pre>
 * A name is {@code [length i32][UTF-8]}; a range bound {@code [length i32][bytes]}, -1 for open.
 *
 * @param checkpointLsn log records ending at or before it are in the files
 * @param replayFromLsn where replay starts: the checkpoint, or the oldest open prepared
 *     transaction's PREPARE record if older (only prepare records are applied before the
 *     checkpoint)
 * @param flushTimestamp every version committed at or before it is in the files
 * @param nextFileNumber the number the next sorted file gets
 */
record Manifest(long checkpointLsn, long replayFromLsn, long flushTimestamp, long nextFileNumber,
                List<String> files, List<DroppedRange> dropped) {
    static final String NAME = "MANIFEST";
    private static final String TEMPORARY = "MANIFEST.tmp";
    private static final int MAGIC = 0x53484d46;
    private static final int FORMAT_VERSION = 1;
    private static final int HEADER = 16;

    Manifest {
        files = List.copyOf(files);
        dropped = List.copyOf(dropped);
    }

    static Manifest empty() {
        return new Manifest(0, 0, 0, 1, List.of(), List.of());
    }

    /** Reads the manifest, or returns the empty one when the store has none yet. */
    static Manifest read(StorageFiles storage) {
        if (!storage.exists(NAME)) {
            return empty();
        }
        try (StorageFile file = storage.open(NAME)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            file.readFully(0, header);
            header.flip();
            if (header.getInt() != MAGIC) {
                throw corrupt(storage, "bad magic number");
            }
            int version = header.getInt();
            if (version != FORMAT_VERSION) {
                throw corrupt(storage, "unsupported format version " + version);
            }
            int length = header.getInt();
            int checksum = header.getInt();
            if (length < 0 || length != file.size() - HEADER) {
                throw corrupt(storage, "bad length " + length);
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            file.readFully(HEADER, body);
            if (crc(body.array()) != checksum) {
                throw corrupt(storage, "checksum mismatch");
            }
            body.flip();
            return decode(body);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw corrupt(storage, "malformed body");
        }
    }

    /** Writes this manifest durably in place of the current one. */
    void write(StorageFiles storage, boolean sync) {
        byte[] body = encode();
        ByteBuffer out = ByteBuffer.allocate(HEADER + body.length);
        out.putInt(MAGIC).putInt(FORMAT_VERSION).putInt(body.length).putInt(crc(body)).put(body).flip();
        storage.delete(TEMPORARY);
        try (StorageFile file = storage.create(TEMPORARY)) {
            file.write(0, out);
            if (sync) {
                file.sync();
            }
        }
        storage.rename(TEMPORARY, NAME);
        if (sync) {
            storage.syncDirectory();
        }
    }

    private byte[] encode() {
        int size = 4 * 8 + 4 + 4;
        List<byte[]> names = new ArrayList<>(files.size());
        for (String name : files) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            names.add(bytes);
            size += 4 + bytes.length;
        }
        for (DroppedRange range : dropped) {
            size += 16 + length(range.fromInclusive()) + length(range.toExclusive());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putLong(checkpointLsn).putLong(replayFromLsn).putLong(flushTimestamp).putLong(nextFileNumber);
        out.putInt(names.size());
        for (byte[] name : names) {
            out.putInt(name.length).put(name);
        }
        out.putInt(dropped.size());
        for (DroppedRange range : dropped) {
            putBytes(out, range.fromInclusive());
            putBytes(out, range.toExclusive());
            out.putLong(range.timestamp());
        }
        return out.array();
    }

    private static Manifest decode(ByteBuffer in) {
        long checkpoint = in.getLong();
        long replayFrom = in.getLong();
        long flushTimestamp = in.getLong();
        long nextFile = in.getLong();
        int fileCount = in.getInt();
        List<String> names = new ArrayList<>(Math.max(0, Math.min(fileCount, in.remaining() / 4)));
        for (int i = 0; i < fileCount; i++) {
            byte[] name = new byte[in.getInt()];
            in.get(name);
            names.add(new String(name, StandardCharsets.UTF_8));
        }
        int droppedCount = in.getInt();
        List<DroppedRange> ranges = new ArrayList<>(Math.max(0, Math.min(droppedCount, in.remaining() / 16)));
        for (int i = 0; i < droppedCount; i++) {
            byte[] from = bytes(in);
            byte[] to = bytes(in);
            ranges.add(new DroppedRange(from, to, in.getLong()));
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("trailing bytes");
        }
        return new Manifest(checkpoint, replayFrom, flushTimestamp, nextFile, names, ranges);
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

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static ShaleException corrupt(StorageFiles storage, String problem) {
        return new ShaleException(ErrorCode.DATA_CORRUPTED,
                "invalid manifest file \"" + NAME + "\" in " + storage.describe() + ": " + problem);
    }
}
