package io.shale.server;

import io.shale.engine.session.SessionService;
import io.shale.storage.KeyValueStore;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import io.shale.wire.PgServer;
import io.shale.wire.WireConfig;

import java.util.Map;

/**
 * The production composition of a node: the in-memory store and the PostgreSQL protocol server.
 * This is the one class that names the constructors of {@code storage} and {@code wire}.
 */
public final class PgWireAssembly implements NodeAssembly {

    @Override
    public KeyValueStore store(NodeConfig config, Map<String, String> settings) {
        return new MemoryKeyValueStore(MemoryStoreConfig.defaults());
    }

    @Override
    public ClientListener listener(NodeConfig config, Map<String, String> settings, SessionService sessions) {
        WireConfig wire = new WireConfig(config.host(), config.port(), config.tlsCertificate(),
                config.tlsKey(), config.authMethod().configName());
        PgServer server = new PgServer(wire, sessions);
        return new ClientListener() {
            @Override
            public int start() {
                return server.start();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
