package io.shale.cluster.node;

import io.shale.cluster.rpc.NodeAddress;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Settles a staged catalog whose second phase never came (the coordinator crashed, or the network
 * was cut between its stage and its publish or abort): a staged catalog holds the node's DDL lock,
 * so it must not stay forever. When {@code timeout} passes after a stage with the catalog still
 * staged, the node asks the coordinator for its catalog version ({@code catalog.status}): the
 * coordinator has that version or a newer one → the change committed there, the node publishes it
 * (and pulls anything newer); the coordinator is still between stage and publish of that version →
 * ask again after {@code timeout}; the coordinator has an older version → its DDL rolled back, the
 * node aborts. While the coordinator cannot be reached the node asks again, waiting twice as long
 * each time (at most 16 × {@code timeout}, and at most 30 s). Only catalog changes wait for the DDL
 * lock: reads and writes of other sessions go on meanwhile. Thread-safe; {@link #close} stops it.
 */
final class StagedCatalogResolver implements AutoCloseable {
    /** Answer of {@code catalog.status}: the coordinator's catalog version and the version it is staging, or -1. */
    record Status(long version, long staging) {
    }

    /** Asks a coordinator for its status; throws a ShaleException when it cannot be reached. */
    @FunctionalInterface
    interface StatusSource {
        Status status(NodeAddress coordinator);
    }

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final CatalogReplica replica;
    private final StatusSource source;
    private final Consumer<NodeAddress> pull;
    private final Duration timeout;
    private ScheduledExecutorService timer;
    private boolean closed;

    StagedCatalogResolver(CatalogReplica replica, StatusSource source, Consumer<NodeAddress> pull, Duration timeout) {
        this.replica = replica;
        this.source = source;
        this.pull = pull;
        this.timeout = timeout;
    }

    /** Called after {@code version} was staged at {@code coordinator}'s request. */
    void staged(NodeAddress coordinator, long version) {
        schedule(coordinator, version, timeout);
    }

    private synchronized void schedule(NodeAddress coordinator, long version, Duration delay) {
        if (closed) {
            return;
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("staged-catalog-resolver").factory());
        }
        try {
            timer.schedule(() -> resolve(coordinator, version, delay), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** One attempt; reschedules itself while the outcome is unknown. */
    void resolve(NodeAddress coordinator, long version, Duration delay) {
        if (replica.stagedVersion() != version) {
            return;
        }
        Status status;
        try {
            status = source.status(coordinator);
        } catch (RuntimeException e) {
            // unreachable, or an answer this node cannot read: ask again later
            schedule(coordinator, version, backoff(delay));
            return;
        }
        if (status.version() >= version) {
            replica.publish(version);
            if (status.version() > version) {
                pullQuietly(coordinator);
            }
        } else if (status.staging() == version) {
            schedule(coordinator, version, timeout);
        } else {
            replica.abort(version);
        }
    }

    private void pullQuietly(NodeAddress coordinator) {
        try {
            pull.accept(coordinator);
        } catch (RuntimeException e) {
            // the next internal request that carries the newer version pulls it again
        }
    }

    private Duration backoff(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        Duration cap = timeout.multipliedBy(16);
        if (cap.compareTo(MAX_BACKOFF) > 0) {
            cap = MAX_BACKOFF.compareTo(timeout) > 0 ? MAX_BACKOFF : timeout;
        }
        return doubled.compareTo(cap) > 0 ? cap : doubled;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
