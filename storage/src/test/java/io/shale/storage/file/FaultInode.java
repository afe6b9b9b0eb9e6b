package io.shale.storage.file;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One file of {@link FaultInjectingFiles}: what is synced, the writes and truncations since the
 * last sync, and the current content (synced content plus those operations, in order).
 * Guarded by the owning FaultInjectingFiles.
 */
final class FaultInode {

    /** An operation not yet synced. */
    private sealed interface Op {
        void applyTo(MemoryFileContent content);
    }

    private record Write(long position, byte[] data) implements Op {
        @Override
        public void applyTo(MemoryFileContent content) {
            content.write(position, data, data.length, "fault");
        }
    }

    private record Truncate(long size) implements Op {
        @Override
        public void applyTo(MemoryFileContent content) {
            content.truncate(size);
        }
    }

    private MemoryFileContent durable;
    private MemoryFileContent current;
    private final List<Op> pending = new ArrayList<>();

    FaultInode() {
        this(new MemoryFileContent());
    }

    private FaultInode(MemoryFileContent content) {
        this.durable = content;
        this.current = content.copy();
    }

    MemoryFileContent current() {
        return current;
    }

    void write(long position, ByteBuffer src) {
        byte[] data = new byte[src.remaining()];
        src.get(data);
        Op op = new Write(position, data);
        pending.add(op);
        op.applyTo(current);
    }

    void truncate(long size) {
        Op op = new Truncate(size);
        pending.add(op);
        op.applyTo(current);
    }

    void sync() {
        durable = current.copy();
        pending.clear();
    }

    boolean hasUnsynced() {
        return !pending.isEmpty();
    }

    /** A new inode holding what a power cut leaves of this one. */
    FaultInode afterCrash(CrashMode mode, Random random) {
        MemoryFileContent survivor = durable.copy();
        switch (mode) {
            case DROP_UNSYNCED -> {
            }
            case TORN_PREFIX -> {
                int kept = random.nextInt(pending.size() + 1);
                for (int i = 0; i < kept; i++) {
                    Op op = pending.get(i);
                    if (i == kept - 1 && op instanceof Write write) {
                        tear(write, survivor, random);
                    } else {
                        op.applyTo(survivor);
                    }
                }
            }
            case REORDER -> {
                for (Op op : pending) {
                    if (random.nextBoolean()) {
                        op.applyTo(survivor);
                    }
                }
            }
        }
        return new FaultInode(survivor);
    }

    /** Writes a prefix of {@code write}; the rest is either absent or zeros (size grown, data not). */
    private static void tear(Write write, MemoryFileContent content, Random random) {
        byte[] data = write.data();
        int keep = data.length == 0 ? 0 : random.nextInt(data.length);
        byte[] torn = new byte[random.nextBoolean() ? keep : data.length];
        System.arraycopy(data, 0, torn, 0, keep);
        content.write(write.position(), torn, torn.length, "fault");
    }
}
