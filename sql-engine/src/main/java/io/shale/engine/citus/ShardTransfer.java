package io.shale.engine.citus;

import java.nio.ByteBuffer;
import java.util.List;

/** The coordinator's side of {@code shard.transfer} ({@link ShardTransferCodec}): one method per request. */
final class ShardTransfer {
    /** The answer to COPY: whether the relation is done, the key to go on from, and what was sent. */
    record Copied(boolean done, byte[] next, long rows, long bytes) {
    }

    /** The answer to GROUP_CHANGES: the commit timestamp replayed up to, the source's log position then, what was sent. */
    record Replayed(long until, long logPosition, long changes, long bytes) {
    }

    private final DistributionContext context;

    ShardTransfer(DistributionContext context) {
        this.context = context;
    }

    /** Pins a snapshot on the node of {@code group}: its id, its timestamp and the node's log position. */
    long[] open(int group) {
        ByteBuffer in = ByteBuffer.wrap(context.shardTransfer(group, new byte[] {ShardTransferCodec.OPEN}));
        return new long[] {in.getLong(), in.getLong(), in.getLong()};
    }

    Copied copy(int group, long snapshot, int targetGroup, long oldId, long newId, byte[] from, long budget) {
        ByteBuffer out = ByteBuffer.allocate(1 + 8 + 4 + 16 + 4 + from.length + 8);
        out.put(ShardTransferCodec.COPY).putLong(snapshot).putInt(targetGroup).putLong(oldId).putLong(newId);
        ShardTransferCodec.putBytes(out, from);
        out.putLong(budget);
        ByteBuffer in = ByteBuffer.wrap(context.shardTransfer(group, out.array()));
        boolean done = in.get() != 0;
        byte[] next = ShardTransferCodec.bytes(in);
        return new Copied(done, next, in.getLong(), in.getLong());
    }

    /**
     * Replays on {@code targetGroup} every change committed after {@code after} up to the source's stable timestamp
     * now to the relations {@code oldIds} (into {@code newIds}, pairwise), in one request.
     */
    Replayed groupChanges(int group, long snapshot, int targetGroup, long[] oldIds, long[] newIds, long after) {
        ByteBuffer out = ByteBuffer.allocate(1 + 8 + 4 + 4 + 16 * oldIds.length + 16);
        out.put(ShardTransferCodec.GROUP_CHANGES).putLong(snapshot).putInt(targetGroup).putInt(oldIds.length);
        for (int i = 0; i < oldIds.length; i++) {
            out.putLong(oldIds[i]).putLong(newIds[i]);
        }
        out.putLong(after).putLong(-1);
        ByteBuffer in = ByteBuffer.wrap(context.shardTransfer(group, out.array()));
        return new Replayed(in.getLong(), in.getLong(), in.getLong(), in.getLong());
    }

    /**
     * Waits up to {@code millis} on the node of {@code group} until the writers running there now have ended
     * (AWAIT_WRITERS); whether they did.
     */
    boolean awaitWriters(int group, long millis) {
        byte[] answer = context.shardTransfer(group, ByteBuffer.allocate(9).put(ShardTransferCodec.AWAIT_WRITERS)
                .putLong(millis).array());
        return answer[0] != 0;
    }

    void close(int group, long snapshot) {
        context.shardTransfer(group, ByteBuffer.allocate(9).put(ShardTransferCodec.CLOSE).putLong(snapshot).array());
    }

    /** Drops on the node of {@code group} the ranges of storage ids that its catalog no longer names. */
    void drop(int group, List<Long> storageIds) {
        ByteBuffer out = ByteBuffer.allocate(5 + 8 * storageIds.size());
        out.put(ShardTransferCodec.DROP).putInt(storageIds.size());
        for (long id : storageIds) {
            out.putLong(id);
        }
        context.shardTransfer(group, out.array());
    }
}
