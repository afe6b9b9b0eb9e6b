package io.shale.engine.citus;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.distributed.InternalRpc;
import io.shale.engine.distributed.NodeDirectory;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The internal request {@code tenant.stats} ({@link TenantStatsCodec}): the rows of this node's tenant monitor for
 * citus_stat_tenants on another node, or the reset of citus_stat_tenants_reset. One request per node.
 */
public final class TenantStatsService {
    /** The RPC method name. */
    public static final String METHOD = "tenant.stats";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final TenantStats stats;
    private final InternalRpc rpc;
    private final NodeDirectory directory;

    public TenantStatsService(TenantStats stats, InternalRpc rpc, NodeDirectory directory) {
        this.stats = stats;
        this.rpc = rpc;
        this.directory = directory;
    }

    /** Serves {@code tenant.stats} on this node. */
    public void register() {
        rpc.serve(METHOD, (context, payload) -> {
            try {
                return CompletableFuture.completedFuture(answer(payload));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    private byte[] answer(byte[] payload) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            byte kind = in.get();
            if (kind == TenantStatsCodec.RESET) {
                stats.reset();
                return new byte[0];
            }
            if (kind != TenantStatsCodec.ROWS) {
                throw malformed();
            }
            int database = in.getInt();
            boolean all = in.get() != 0;
            return TenantStatsCodec.encodeRows(stats.rows(database, all));
        } catch (BufferUnderflowException e) {
            throw malformed();
        }
    }

    private static ShaleException malformed() {
        return new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "malformed tenant.stats request");
    }

    /** Sends {@code request} to the node of {@code groupId}; its answer, or null when that node does not answer. */
    public byte[] call(int groupId, byte[] request) {
        return NodeCalls.callOrNull(rpc, directory, groupId, METHOD, request, DEADLINE);
    }
}
