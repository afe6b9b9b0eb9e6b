package io.shale.engine;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.RoleCredentials;
import io.shale.engine.session.Session;
import io.shale.engine.session.SessionService;
import io.shale.storage.KeyValueStore;

import java.util.Map;
import java.util.Optional;

/** A node's SQL engine: catalog, sessions, planner and executor over the node's store. */
public final class Engine implements SessionService, AutoCloseable {
    private final EngineConfig config;
    private final KeyValueStore store;

    public Engine(EngineConfig config, KeyValueStore store) {
        this.config = config;
        this.store = store;
    }

    @Override
    public Optional<RoleCredentials> credentials(String roleName) {
        return Optional.empty();
    }

    @Override
    public Session open(String user, String database, Map<String, String> startupParameters,
                        String remoteAddress) {
        throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "sessions are not available yet");
    }

    @Override
    public void cancel(int processId, int secretKey) {
    }

    @Override
    public void close() {
    }
}
