package io.shale.cluster.node;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Metadata sync over internal RPC (CLUSTER.md, point 3): the node-side handlers of
 * {@code catalog.stage/publish/abort/pull}, {@code node.join} and {@code ddl.forward}, and the
 * coordinator-side calls that ship a catalog to other nodes in two phases. A node that learns of
 * a newer catalog version from any internal request pulls the catalog from the sender.
 * Thread-safe.
 */
public final class CatalogSync implements ClusterCalls.CatalogVersions, AutoCloseable {
    public static final String STAGE = "catalog.stage";
    public static final String STAGE_ROWS = "catalog.rows";
    public static final String PUBLISH = "catalog.publish";
    public static final String ABORT = "catalog.abort";
    public static final String PULL = "catalog.pull";
    public static final String STATUS = "catalog.status";
    public static final String JOIN = "node.join";
    public static final String FORWARD = "ddl.forward";

    private final ClusterCalls calls;
    private final CatalogReplica replica;
    private final Membership membership;
    private final Duration deadline;
    private final StagedCatalogResolver resolver;
    /** Versions this coordinator has staged on other nodes and not yet published or aborted. */
    private final java.util.Set<Long> staging = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<FaultPoint, Runnable> faults = new java.util.concurrent.ConcurrentHashMap<>();

    /** Points of the coordinator's two phases where a fault test can act ({@link #injectFault}). */
    public enum FaultPoint {
        /** Every target staged the catalog; the coordinator has not committed yet. */
        AFTER_STAGE,
        /** The coordinator committed locally; the targets have not been told to publish yet. */
        BEFORE_PUBLISH
    }

    /**
     * Registers the handlers on {@code endpoint}; {@code forwarded} runs DDL sent by workers
     * (only the coordinator accepts it). A catalog staged here and left without publish or abort
     * for {@code stagedTimeout} is settled with the coordinator ({@link StagedCatalogResolver}).
     */
    public CatalogSync(ClusterEndpoint endpoint, CatalogReplica replica, Membership membership,
                       ForwardedStatement.Executor forwarded, Duration deadline, Duration stagedTimeout) {
        this.calls = new ClusterCalls(endpoint, this);
        this.replica = replica;
        this.membership = membership;
        this.deadline = deadline;
        this.resolver = new StagedCatalogResolver(replica, this::status, this::pullFrom, stagedTimeout);
        calls.serveWithoutCatchUp(STAGE, (context, payload) -> {
            replica.stage(payload);
            followCoordinator(context.caller());
            long version = replica.stagedVersion();
            if (version >= 0) {
                resolver.staged(context.caller(), version);
            }
            return done(new byte[0]);
        });
        calls.serveWithoutCatchUp(STATUS, (context, payload) -> {
            long pending = -1;
            for (long v : staging) {
                pending = Math.max(pending, v);
            }
            return done(SyncMessages.status(replica.catalogVersion(), pending));
        });
        calls.serveWithoutCatchUp(STAGE_ROWS, (context, payload) -> {
            replica.stageRows(payload);
            return done(new byte[0]);
        });
        calls.serveWithoutCatchUp(PUBLISH, (context, payload) -> {
            replica.publish(SyncMessages.readVersion(payload));
            return done(new byte[0]);
        });
        calls.serveWithoutCatchUp(ABORT, (context, payload) -> {
            replica.abort(SyncMessages.readVersion(payload));
            return done(new byte[0]);
        });
        calls.serveWithoutCatchUp(PULL, (context, payload) -> done(replica.encodedCatalog()));
        calls.serveWithoutCatchUp(JOIN, (context, payload) -> {
            SyncMessages.Join join = SyncMessages.readJoin(payload);
            replica.replace(join.catalog());
            membership.join(join.group(), context.caller());
            return done(new byte[0]);
        });
        calls.serve(FORWARD, (context, payload) -> {
            if (!membership.isCoordinator()) {
                throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "operation is not allowed on this node")
                        .withHint("Connect to the coordinator and run it again.");
            }
            ForwardedStatement.Result result = forwarded.execute(SyncMessages.readForward(payload));
            return done(SyncMessages.forwardResult(result));
        });
    }

    /**
     * Only the coordinator ships catalogs: a worker staged by another address than the one it
     * remembers learns that its coordinator moved (a cluster restarted on its data with new ports).
     */
    private void followCoordinator(NodeAddress caller) {
        if (!membership.isCoordinator() && caller != null && !caller.equals(membership.coordinator())) {
            membership.join(membership.groupId(), caller);
        }
    }

    /**
     * Fault injection for tests: {@code action} runs on the coordinator at {@code point} of every
     * later catalog change (null removes it); an exception it throws fails the change there.
     */
    public void injectFault(FaultPoint point, Runnable action) {
        if (action == null) {
            faults.remove(point);
        } else {
            faults.put(point, action);
        }
    }

    private void fault(FaultPoint point) {
        Runnable action = faults.get(point);
        if (action != null) {
            action.run();
        }
    }

    private StagedCatalogResolver.Status status(NodeAddress coordinator) {
        return SyncMessages.readStatus(calls.callAndWait(coordinator, STATUS, new byte[0], deadline));
    }

    /** Stops settling staged catalogs. */
    @Override
    public void close() {
        resolver.close();
    }

    /** Calls that carry this node's catalog version (for other internal RPC users). */
    public ClusterCalls calls() {
        return calls;
    }

    public Membership membership() {
        return membership;
    }

    @Override
    public long catalogVersion() {
        return replica.catalogVersion();
    }

    @Override
    public void catchUp(NodeAddress holder, long version) {
        if (replica.catalogVersion() >= version) {
            return;
        }
        pullFrom(holder);
    }

    /** Pulls the catalog of {@code holder} and installs it when it is newer than this node's. */
    public void pullFrom(NodeAddress holder) {
        replica.install(remote(holder, PULL, new byte[0]));
    }

    /**
     * Phase one on every target at once; when any fails, the others are aborted and the failure is
     * thrown (an unreachable node as Citus reports it).
     */
    public void stage(List<NodeAddress> targets, byte[] catalog, long version) {
        staging.add(version);
        List<CompletableFuture<byte[]>> pending = new ArrayList<>();
        for (NodeAddress target : targets) {
            pending.add(calls.call(target, STAGE, catalog, deadline));
        }
        ShaleException failure = null;
        for (int i = 0; i < pending.size(); i++) {
            try {
                ClusterCalls.await(pending.get(i));
            } catch (ShaleException e) {
                if (failure == null) {
                    failure = remoteFailure(targets.get(i), e);
                }
            }
        }
        if (failure != null) {
            abort(targets, version);
            throw failure;
        }
        try {
            fault(FaultPoint.AFTER_STAGE);
        } catch (RuntimeException e) {
            abort(targets, version);
            throw e;
        }
    }

    /**
     * Rows for the shard relations of a staged catalog on {@code target}; when that fails, the
     * stage is aborted on every target and the failure thrown.
     */
    public void stageRows(NodeAddress target, byte[] payload, List<NodeAddress> targets, long version) {
        try {
            ClusterCalls.await(calls.call(target, STAGE_ROWS, payload, deadline));
        } catch (ShaleException e) {
            abort(targets, version);
            throw remoteFailure(target, e);
        }
    }

    /** Phase two on every target; a node that misses it catches up later, so failures are ignored. */
    public void publish(List<NodeAddress> targets, long version) {
        try {
            fault(FaultPoint.BEFORE_PUBLISH);
            broadcast(targets, PUBLISH, SyncMessages.version(version));
        } finally {
            staging.remove(version);
        }
    }

    /** Drops a staged catalog on every target, ignoring nodes that cannot be reached. */
    public void abort(List<NodeAddress> targets, long version) {
        try {
            broadcast(targets, ABORT, SyncMessages.version(version));
        } finally {
            staging.remove(version);
        }
    }

    /** Adds {@code target} to the cluster as group {@code group}, shipping it {@code catalog}. */
    public void join(NodeAddress target, int group, byte[] catalog) {
        remote(target, JOIN, SyncMessages.join(group, catalog));
    }

    /** Runs {@code statement} on the coordinator, then waits until this node has its catalog. */
    public ForwardedStatement.Result forward(ForwardedStatement statement) {
        NodeAddress coordinator = membership.coordinator();
        if (coordinator == null) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "this node has no coordinator");
        }
        ForwardedStatement.Result result = SyncMessages.readForwardResult(
                ClusterCalls.await(calls.call(coordinator, FORWARD, SyncMessages.forward(statement), deadline)));
        if (replica.catalogVersion() < result.catalogVersion()) {
            pullFrom(coordinator);
        }
        return result;
    }

    private void broadcast(List<NodeAddress> targets, String method, byte[] payload) {
        List<CompletableFuture<byte[]>> pending = new ArrayList<>();
        for (NodeAddress target : targets) {
            pending.add(calls.call(target, method, payload, deadline));
        }
        for (CompletableFuture<byte[]> call : pending) {
            try {
                ClusterCalls.await(call);
            } catch (ShaleException ignored) {
                // the node pulls the catalog when it next hears of a newer version
            }
        }
    }

    private byte[] remote(NodeAddress target, String method, byte[] payload) {
        try {
            return calls.callAndWait(target, method, payload, deadline);
        } catch (ShaleException e) {
            throw remoteFailure(target, e);
        }
    }

    /** A lost or refused connection reads as Citus reports an unreachable node; other errors pass unchanged. */
    static ShaleException remoteFailure(NodeAddress target, ShaleException e) {
        String state = e.code().sqlState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57014")) {
            return new ShaleException(ErrorCode.CONNECTION_FAILURE, "connection to the remote node "
                    + SyncMessages.describe(target) + " failed with the following error: " + e.getMessage());
        }
        return e;
    }

    private static CompletableFuture<byte[]> done(byte[] answer) {
        return CompletableFuture.completedFuture(answer);
    }
}
