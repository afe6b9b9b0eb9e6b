package io.shale.engine.citus;

import io.shale.common.error.ShaleException;
import io.shale.engine.distributed.InternalRpc;
import io.shale.engine.distributed.NodeDirectory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One internal request to the node of a group, for the monitoring views that show what a node could answer. */
final class NodeCalls {
    private NodeCalls() {
    }

    /** The answer of the node of {@code groupId} to {@code method}, or null when it does not answer in time. */
    static byte[] callOrNull(InternalRpc rpc, NodeDirectory directory, int groupId, String method, byte[] payload,
                             Duration deadline) {
        try {
            return rpc.call(directory.addressOf(groupId), method, payload, deadline)
                    .get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | ShaleException e) {
            return null;
        }
    }
}
