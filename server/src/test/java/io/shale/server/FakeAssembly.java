package io.shale.server;

import io.shale.engine.session.SessionService;
import io.shale.storage.ForwardingKeyValueStore;
import io.shale.storage.KeyValueStore;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A node assembly with an in-memory store and an endpoint that only binds a server socket. */
final class FakeAssembly implements NodeAssembly {
    /** What happened, in order: "store", "listener", "start", "close listener", "close store". */
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile Map<String, String> settingsSeen;
    volatile boolean failListenerStart;

    @Override
    public KeyValueStore store(NodeConfig config, Map<String, String> settings) {
        events.add("store");
        settingsSeen = settings;
        return new EmptyStore();
    }

    @Override
    public ClientListener listener(NodeConfig config, Map<String, String> settings, SessionService sessions) {
        events.add("listener");
        return new SocketListener(config);
    }

    /** An in-memory store that records its closing. */
    private final class EmptyStore extends ForwardingKeyValueStore {
        EmptyStore() {
            super(new MemoryKeyValueStore(MemoryStoreConfig.defaults()));
        }

        @Override
        public void close() {
            super.close();
            events.add("close store");
        }
    }

    private final class SocketListener implements ClientListener {
        private final NodeConfig config;
        private ServerSocket socket;

        SocketListener(NodeConfig config) {
            this.config = config;
        }

        @Override
        public int start() {
            events.add("start");
            if (failListenerStart) {
                throw new IllegalStateException("listener failed on purpose");
            }
            try {
                socket = new ServerSocket(config.port(), 50, InetAddress.getByName(config.host()));
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            events.add("close listener");
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
