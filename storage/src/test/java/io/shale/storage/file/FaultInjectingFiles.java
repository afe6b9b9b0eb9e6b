package io.shale.storage.file;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * In-memory {@link StorageFiles} that knows, per file, what is synced and what is not, and which
 * creations, renames and deletions are synced, so that {@link #crash} can leave the state a power
 * cut could: unsynced writes dropped, torn or reordered, unsynced directory operations lost.
 *
 * <p>Every write, truncation, sync, creation, rename, deletion and directory sync is a numbered
 * point; {@link #cutPowerAtPoint} makes the N-th point throw {@link PowerCutException} (a write
 * at that point has happened, unsynced; a sync has not), and every operation after it too, until
 * {@link #crash} restarts the machine. Handles opened before a crash stay dead. Thread-safe
 * (one lock for everything).
 */
public final class FaultInjectingFiles implements StorageFiles {

    private sealed interface DirOp {
    }

    private record Create(String name, FaultInode inode) implements DirOp {
    }

    private record Rename(String from, String to) implements DirOp {
    }

    private record Delete(String name) implements DirOp {
    }

    private Map<String, FaultInode> names = new LinkedHashMap<>();
    private Map<String, FaultInode> durableNames = new LinkedHashMap<>();
    private final List<DirOp> pendingDirOps = new ArrayList<>();
    /** Files written since their last sync, whatever their names now (or none). */
    private final Map<FaultInode, Boolean> dirtyInodes = new IdentityHashMap<>();
    private long points;
    private long cutAt = -1;
    private boolean powerOff;
    private int generation;
    private long syncs;

    /** Makes the {@code point}-th point from now (1 = the next one) cut the power. */
    public synchronized void cutPowerAtPoint(long point) {
        cutAt = points + point;
    }

    /** Write and sync points passed so far. */
    public synchronized long points() {
        return points;
    }

    /** File syncs done so far. */
    public synchronized long syncs() {
        return syncs;
    }

    public synchronized boolean powerOff() {
        return powerOff;
    }

    /**
     * Cuts the power (if not cut yet) and restarts: the files become what {@code mode} leaves of
     * them, all of it durable; open handles are dead.
     */
    public synchronized void crash(CrashMode mode, Random random) {
        Map<FaultInode, FaultInode> survivors = new IdentityHashMap<>();
        Map<String, FaultInode> survivingNames = new LinkedHashMap<>(durableNames);
        int keptOps = switch (mode) {
            case DROP_UNSYNCED -> 0;
            case TORN_PREFIX -> random.nextInt(pendingDirOps.size() + 1);
            case REORDER -> pendingDirOps.size();
        };
        for (int i = 0; i < keptOps; i++) {
            if (mode != CrashMode.REORDER || random.nextBoolean()) {
                apply(pendingDirOps.get(i), survivingNames);
            }
        }
        Map<String, FaultInode> restarted = new LinkedHashMap<>();
        for (Map.Entry<String, FaultInode> entry : survivingNames.entrySet()) {
            FaultInode survivor = survivors.computeIfAbsent(entry.getValue(),
                    inode -> inode.afterCrash(mode, random));
            restarted.put(entry.getKey(), survivor);
        }
        names = restarted;
        durableNames = new LinkedHashMap<>(restarted);
        pendingDirOps.clear();
        dirtyInodes.clear();
        powerOff = false;
        cutAt = -1;
        generation++;
    }

    @Override
    public synchronized StorageFile create(String name) {
        checkPower();
        FileErrors.checkName(name);
        if (names.containsKey(name)) {
            throw FileErrors.exists(name);
        }
        FaultInode inode = new FaultInode();
        names.put(name, inode);
        pendingDirOps.add(new Create(name, inode));
        point(false);
        return new Handle(name, inode, generation);
    }

    @Override
    public synchronized StorageFile open(String name) {
        checkPower();
        FaultInode inode = names.get(name);
        if (inode == null) {
            throw FileErrors.missing("open", name);
        }
        return new Handle(name, inode, generation);
    }

    @Override
    public synchronized boolean exists(String name) {
        checkPower();
        return names.containsKey(name);
    }

    @Override
    public synchronized List<String> list() {
        checkPower();
        List<String> list = new ArrayList<>(names.keySet());
        list.sort(null);
        return list;
    }

    @Override
    public synchronized void delete(String name) {
        checkPower();
        if (names.remove(name) != null) {
            pendingDirOps.add(new Delete(name));
            point(false);
        }
    }

    @Override
    public synchronized void rename(String from, String to) {
        checkPower();
        FileErrors.checkName(to);
        FaultInode inode = names.remove(from);
        if (inode == null) {
            throw FileErrors.missing("rename", from);
        }
        names.put(to, inode);
        pendingDirOps.add(new Rename(from, to));
        point(false);
    }

    @Override
    public synchronized void syncDirectory() {
        checkPower();
        point(true);
        durableNames = new LinkedHashMap<>(names);
        pendingDirOps.clear();
    }

    @Override
    public synchronized long totalSize() {
        long total = 0;
        for (FaultInode inode : names.values()) {
            total += inode.current().size();
        }
        return total;
    }

    @Override
    public String describe() {
        return "fault-injecting memory";
    }

    /** Whether any file or directory operation is not yet synced. */
    public synchronized boolean hasUnsynced() {
        return !pendingDirOps.isEmpty() || !dirtyInodes.isEmpty();
    }

    private static void apply(DirOp op, Map<String, FaultInode> target) {
        switch (op) {
            case Create create -> target.put(create.name(), create.inode());
            case Rename rename -> {
                FaultInode inode = target.remove(rename.from());
                if (inode != null) {
                    target.put(rename.to(), inode);
                }
            }
            case Delete delete -> target.remove(delete.name());
        }
    }

    private void checkPower() {
        if (powerOff) {
            throw new PowerCutException("the power is off");
        }
    }

    /** Counts a point; at the cut point, turns the power off (before a sync, after a write). */
    private void point(boolean isSync) {
        points++;
        if (points == cutAt) {
            powerOff = true;
            throw new PowerCutException("power cut at point " + points + (isSync ? " (a sync)" : ""));
        }
    }

    /** A handle on one inode, dead after a crash. */
    private final class Handle implements StorageFile {
        private final String name;
        private final FaultInode inode;
        private final int handleGeneration;
        private boolean closed;

        Handle(String name, FaultInode inode, int handleGeneration) {
            this.name = name;
            this.inode = inode;
            this.handleGeneration = handleGeneration;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long size() {
            synchronized (FaultInjectingFiles.this) {
                check();
                return inode.current().size();
            }
        }

        @Override
        public int read(long position, ByteBuffer dst) {
            synchronized (FaultInjectingFiles.this) {
                check();
                return inode.current().read(position, dst);
            }
        }

        @Override
        public void readFully(long position, ByteBuffer dst) {
            int wanted = dst.remaining();
            int read = read(position, dst);
            if (read < wanted) {
                throw FileErrors.shortRead(name, position, read, wanted);
            }
        }

        @Override
        public void write(long position, ByteBuffer src) {
            synchronized (FaultInjectingFiles.this) {
                check();
                inode.write(position, src);
                dirtyInodes.put(inode, Boolean.TRUE);
                point(false);
            }
        }

        @Override
        public void truncate(long size) {
            synchronized (FaultInjectingFiles.this) {
                check();
                inode.truncate(size);
                dirtyInodes.put(inode, Boolean.TRUE);
                point(false);
            }
        }

        @Override
        public void sync() {
            synchronized (FaultInjectingFiles.this) {
                check();
                point(true);
                inode.sync();
                dirtyInodes.remove(inode);
                syncs++;
            }
        }

        @Override
        public void close() {
            synchronized (FaultInjectingFiles.this) {
                closed = true;
            }
        }

        private void check() {
            if (handleGeneration != generation) {
                throw new PowerCutException("file \"" + name + "\" was open before a power cut");
            }
            checkPower();
            if (closed) {
                throw FileErrors.closed(name);
            }
        }
    }
}
