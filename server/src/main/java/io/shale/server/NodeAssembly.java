package io.shale.server;

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
}
