package io.shale.server;

import io.shale.cluster.node.ClusterEndpoint;
import io.shale.engine.session.SessionService;
import io.shale.storage.KeyValueStore;

import java.util.Map;

/**
 * Makes the parts a {@link Node} is composed of and that come from other modules: its store and
 * its protocol endpoint. {@link PgWireAssembly} is the real one; tests pass hand-written fakes.
 * The listener's constructor does no I/O: the node starts it; the node closes both.
 */
public interface NodeAssembly {

    /**
     * Opens the node's store, recovering what it holds; {@code settings} are the merged settings of
     * the node. The node closes it.
     */
    KeyValueStore store(NodeConfig config, Map<String, String> settings);

    /** The endpoint through which clients reach {@code sessions}. */
    ClientListener listener(NodeConfig config, Map<String, String> settings, SessionService sessions);

    /**
     * The endpoint through which clients reach {@code sessions} and other nodes reach
     * {@code cluster} (internal connections on the same port); this default ignores the cluster.
     */
    default ClientListener listener(NodeConfig config, Map<String, String> settings, SessionService sessions,
                                    ClusterEndpoint cluster) {
        return listener(config, settings, sessions);
    }

    /**
     * Halts {@code store} as a killed process would leave it: no flush, no clean close (LocalCluster's
     * kill). This default leaves the store open and untouched.
     */
    default void crash(KeyValueStore store) {
    }
}
