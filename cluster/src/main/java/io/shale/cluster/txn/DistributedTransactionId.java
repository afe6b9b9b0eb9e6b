package io.shale.cluster.txn;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The identity of a distributed transaction: the group and address of the node whose client session coordinates it,
 * that session's process id, and a number the origin node hands out in order. {@code startMicros} (when the origin
 * began it) orders transactions by age for deadlock victims; it is not part of the identity.
 */
public record DistributedTransactionId(int originGroup, String originNode, int originPid, long number, long startMicros) {

    /** The key that identifies the transaction (origin group, pid and number). */
    public Key key() {
        return new Key(originGroup, originPid, number);
    }

    /** The identifying part of a {@link DistributedTransactionId}. */
    public record Key(int originGroup, int originPid, long number) {
    }

    /** The global identifier of the prepared transaction this transaction leaves on {@code participantGroup}. */
    public String gid(int participantGroup) {
        return PreparedGid.format(originGroup, originPid, number, participantGroup);
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(originGroup);
        out.writeUTF(originNode);
        out.writeInt(originPid);
        out.writeLong(number);
        out.writeLong(startMicros);
    }

    public static DistributedTransactionId read(DataInput in) throws IOException {
        return new DistributedTransactionId(in.readInt(), in.readUTF(), in.readInt(), in.readLong(), in.readLong());
    }
}
