package io.shale.server;

import io.shale.cluster.node.ClusterEndpoint;
import io.shale.engine.session.SessionService;
import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyValueStore;
import io.shale.storage.file.DiskFiles;
import io.shale.storage.file.MemoryFiles;
import io.shale.storage.file.StorageFiles;
import io.shale.storage.lsm.LsmConfig;
import io.shale.storage.lsm.LsmKeyValueStore;
import io.shale.wire.AuthRule;
import io.shale.wire.PgServer;
import io.shale.wire.WireConfig;

import java.util.List;
import java.util.Map;

/**
 * The production composition of a node: the durable store in {@code <data>/store} (or in memory
 * for {@code --in-memory}) and the PostgreSQL protocol server. This is the one class that names
 * the constructors of {@code storage} and {@code wire}.
 */
public final class PgWireAssembly implements NodeAssembly {
    /** The store's directory inside the data directory. */
    static final String STORE_DIRECTORY = "store";

    /** Opens (and recovers) the node's store; XX001 with a hint when its log is corrupt. */
    @Override
    public KeyValueStore store(NodeConfig config, Map<String, String> settings) {
        StoreSettings store = StoreSettings.of(settings);
        LsmConfig lsm = LsmConfig.defaults().withFsync(store.fsync()).withWalSkipCorrupt(store.walSkipCorrupt());
        if (store.checkpointWalSize() > 0) {
            lsm = lsm.withWal(LsmConfig.defaults().walSegmentSize(), store.checkpointWalSize());
        }
        if (store.memoryBudget() > 0) {
            lsm = lsm.withMemoryBudget(store.memoryBudget());
        }
        StorageFiles files = store.inMemory() ? new MemoryFiles()
                : DiskFiles.open(config.dataDirectory().resolve(STORE_DIRECTORY));
        return LsmKeyValueStore.open(files, lsm, new HybridLogicalClock());
    }

    @Override
    public ClientListener listener(NodeConfig config, Map<String, String> settings, SessionService sessions) {
        return listener(config, settings, sessions, null);
    }

    /** The PostgreSQL server; internal connections on its port go to {@code cluster} when given. */
    @Override
    public ClientListener listener(NodeConfig config, Map<String, String> settings, SessionService sessions,
                                   ClusterEndpoint cluster) {
        WireConfig wire = new WireConfig(config.host(), config.port(), WireConfig.DEFAULT_MAX_MESSAGE_SIZE,
                config.tlsCertificate(), config.tlsKey(), authRules(config));
        if (cluster != null) {
            wire = wire.withInternalAcceptor(cluster::accept);
        }
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

    /**
     * Halts the LSM store as a kill would: its committer and maintenance stop, nothing more is
     * written, the files stay as they are ({@link LsmKeyValueStore#simulateCrash()}).
     */
    @Override
    public void crash(KeyValueStore store) {
        if (store instanceof LsmKeyValueStore lsm) {
            lsm.simulateCrash();
        }
    }

    /** The rules of the data directory's {@code pg_hba.conf} when it has one, else those of {@code --auth}. */
    static List<AuthRule> authRules(NodeConfig config) {
        List<AuthRule> file = HbaFile.readIfExists(config.dataDirectory());
        return file != null ? file : authRules(config.authMethod());
    }

    /**
     * {@code trust} covers only connections from this machine, as PostgreSQL's initdb sets it up;
     * a password method covers every address.
     */
    static List<AuthRule> authRules(AuthMethod method) {
        if (method == AuthMethod.TRUST) {
            return AuthRule.trustLocal();
        }
        return List.of(new AuthRule("all", "all", "all", io.shale.wire.AuthMethod.fromConfigName(method.configName())));
    }

    /** How many event-loop threads the protocol server runs (the launcher sizes the other pools by it). */
    static int eventLoopThreads() {
        return PgServer.eventLoopThreads();
    }
}
