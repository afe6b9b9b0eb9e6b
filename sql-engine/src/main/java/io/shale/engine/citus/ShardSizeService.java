package io.shale.engine.citus;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.Engine;
import io.shale.engine.distributed.InternalRpc;
import io.shale.engine.distributed.NodeDirectory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The internal request {@code shard.size}: the bytes that relations (shard tables and their indexes) take in the
 * store of the node holding them, for citus_shards, citus_tables and the citus size functions on other nodes.
 *
 * <pre>
 *   request:  database oid (i32) · count (i32) · relation oid (i32) × count
 *   response: size in bytes (i64) × count   (0 for a relation the node does not know)
 * </pre>
 */
public final class ShardSizeService {
    /** The RPC method name. */
    public static final String METHOD = "shard.size";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final Engine engine;
    private final InternalRpc rpc;
    private final NodeDirectory directory;

    public ShardSizeService(Engine engine, InternalRpc rpc, NodeDirectory directory) {
        this.engine = engine;
        this.rpc = rpc;
        this.directory = directory;
    }

    /** Serves {@code shard.size} on this node. */
    public void register() {
        rpc.serve(METHOD, (context, payload) -> CompletableFuture.completedFuture(answer(payload)));
    }

    private byte[] answer(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        int database = in.getInt();
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / 4) {
            throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "malformed shard.size request");
        }
        ByteBuffer out = ByteBuffer.allocate(8 * count);
        for (int i = 0; i < count; i++) {
            out.putLong(engine.relationSize(database, in.getInt()));
        }
        return out.array();
    }

    /** The sizes of relations on the node of {@code groupId}, or null when that node does not answer. */
    public long[] sizes(int groupId, int databaseOid, int[] relationOids) {
        ByteBuffer request = ByteBuffer.allocate(8 + 4 * relationOids.length);
        request.putInt(databaseOid).putInt(relationOids.length);
        for (int oid : relationOids) {
            request.putInt(oid);
        }
        byte[] reply = NodeCalls.callOrNull(rpc, directory, groupId, METHOD, request.array(), DEADLINE);
        if (reply == null || reply.length != 8 * relationOids.length) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(reply);
        long[] sizes = new long[relationOids.length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = in.getLong();
        }
        return sizes;
    }
}
