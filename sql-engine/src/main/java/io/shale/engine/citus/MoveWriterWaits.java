package io.shale.engine.citus;

import io.shale.catalog.distribution.ClusterNode;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayList;
import java.util.List;

/**
 * The wait of a move's write block ({@link ShardMover}): on every node, until the write statements let in before the
 * mark and the store transactions running when it was published have ended (those waiting at the write gate without
 * having written excepted). This node waits itself; the others are asked at once, in parallel, with
 * {@code shard.transfer} AWAIT_WRITERS requests of at most {@link #REQUEST_MILLIS} each (so that a node whose
 * coordinator died stops waiting soon). Twice: a statement that ended on its node during the first round may have
 * left its transaction on another node (where that node's round had already looked) still committing; the second
 * round waits for it.
 */
final class MoveWriterWaits {
    private static final long REQUEST_MILLIS = 60_000;
    /** How often a cancel of the move is looked for while the nodes wait. */
    private static final java.time.Duration JOIN_POLL = java.time.Duration.ofMillis(20);

    private final DistributionContext context;
    private final ShardTransfer transfer;

    MoveWriterWaits(DistributionContext context, ShardTransfer transfer) {
        this.context = context;
        this.transfer = transfer;
    }

    /** Both rounds; 55P03 when writers still run after {@code timeoutMillis} (each round). */
    void await(long timeoutMillis, OnlineShardMove data) {
        List<ClusterNode> others = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (ClusterNode n : context.catalog().nodes()) {
            if (n.isActivePrimary() && n.groupId() != context.localGroupId() && !groups.contains(n.groupId())) {
                groups.add(n.groupId());
                others.add(n);
            }
        }
        for (int round = 0; round < 2; round++) {
            context.awaitRunningTransactions(timeoutMillis);
            data.stepDone("await local " + round);
            awaitOthers(others, timeoutMillis);
            data.stepDone("await remote " + round);
        }
    }

    private void awaitOthers(List<ClusterNode> others, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        List<Thread> threads = new ArrayList<>();
        RuntimeException[] failures = new RuntimeException[others.size()];
        for (int i = 0; i < others.size(); i++) {
            ClusterNode node = others.get(i);
            int slot = i;
            threads.add(Thread.ofVirtual().name("move-writer-wait").start(() -> {
                try {
                    awaitOn(node, deadline);
                } catch (RuntimeException e) {
                    failures[slot] = e;
                }
            }));
        }
        try {
            for (Thread t : threads) {
                while (!t.join(JOIN_POLL)) {
                    context.checkInterrupted();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(threads);
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        } catch (RuntimeException e) {
            stop(threads);
            throw e;
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** The move was cancelled: its requests are abandoned (each node stops waiting when its request's time is up). */
    private static void stop(List<Thread> threads) {
        for (Thread t : threads) {
            t.interrupt();
        }
    }

    private void awaitOn(ClusterNode node, long deadline) {
        while (true) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            if (transfer.awaitWriters(node.groupId(), Math.min(left, REQUEST_MILLIS))) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ShaleException(ErrorCode.LOCK_NOT_AVAILABLE, "could not block writes to the shards to move: "
                        + "transactions are still running on node " + node.nodeName() + ":" + node.nodePort());
            }
        }
    }
}
