package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.Role;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.analyze.FunctionResolver;
import io.shale.engine.analyze.RegistryFunctionResolver;
import io.shale.engine.exec.TableAccess;
import io.shale.engine.function.FunctionRegistry;
import io.shale.engine.function.OperatorRegistry;
import io.shale.engine.session.RoleCredentials;
import io.shale.engine.session.Session;
import io.shale.engine.session.SessionService;
import io.shale.engine.settings.SettingsRegistry;
import io.shale.engine.system.CatalogFunctions;
import io.shale.engine.system.CatalogServices;
import io.shale.engine.system.ProcInfo;
import io.shale.engine.system.SystemCatalog;
import io.shale.storage.KeyValueStore;
import io.shale.storage.Transaction;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A node's SQL engine: the catalog, the built-in functions, the sessions, and the store they
 * read and write. Thread-safe; one per node.
 */
public final class Engine implements SessionService, AutoCloseable {
    private final EngineConfig config;
    private final KeyValueStore store;
    private final CatalogStore catalogStore;
    private final AtomicReference<Catalog> catalog;
    private final ShardWriteGate writeGate = new ShardWriteGate();
    private final io.shale.engine.citus.MoveProgress moveProgress = new io.shale.engine.citus.MoveProgress();
    private final Semaphore ddlLock = new Semaphore(1, true);
    private final TableAccess tables = new TableAccess();
    private final FunctionRegistry functions;
    private final OperatorRegistry operators = new OperatorRegistry();
    private final FunctionResolver resolver;
    private final SystemCatalog systemCatalog;
    private final List<ProcInfo> procs;
    private final SettingsRegistry settings;
    private final SequenceValues sequences;
    private final Map<Integer, EngineSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextPid = new AtomicInteger(1000);
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService timers;
    private final Instant startTime = Instant.now();
    private final ReplicatedCatalog replica = new ReplicatedCatalog(this);
    private final io.shale.engine.citus.TenantStats tenantStats;
    private final io.shale.engine.jobs.BackgroundJobs backgroundJobs;
    private volatile io.shale.engine.distributed.ClusterHooks cluster = io.shale.engine.distributed.ClusterHooks.SINGLE_NODE;

    /**
     * An engine over {@code store}: reads the catalog and the sequence positions the store holds
     * (a fresh store gets the bootstrap catalog) and frees the ranges of tables dropped just
     * before a crash.
     */
    public Engine(EngineConfig config, KeyValueStore store) {
        this.config = config;
        this.store = store;
        this.catalogStore = new CatalogStore(store);
        Catalog loaded = catalogStore.load();
        Catalog stored = io.shale.engine.citus.CitusTypes.ensure(loaded);
        if (stored != loaded) {
            catalogStore.commit(stored);
        }
        this.catalog = new AtomicReference<>(stored);
        writeGate.published(stored);
        this.sequences = new SequenceValues(store);
        sequences.load(stored);
        catalogStore.freeUnusedRanges(stored);
        this.settings = SettingsRegistry.withDefaults(config.settings());
        this.tenantStats = io.shale.engine.citus.TenantStats.fromSettings(config.settings());
        this.backgroundJobs = io.shale.engine.jobs.BackgroundJobs.open(store, config.settings(), catalog::get,
                (user, database, parameters) -> openInternal(user, database, parameters, "background task"),
                () -> cluster.localGroupId() == 0);
        this.cleanupIntervalMillis = cleanupInterval(config.settings().get("citus.defer_shard_delete_interval"));
        this.systemCatalog = new SystemCatalog(new io.shale.engine.deparse.PgDeparser(catalog::get),
                extraRelations());
        CatalogServices services = new CatalogServices(this::procs,
                new StoreRelationSizes(this, null, 0), systemCatalog.deparser(), systemCatalog, startTime);
        List<io.shale.engine.system.CatalogFunction> catalogFunctions = new java.util.ArrayList<>(CatalogFunctions.definitions(services));
        catalogFunctions.addAll(io.shale.engine.citus.NodeFunctions.definitions(stored,
                context -> new CitusNodeSession(this, (SessionState) context)));
        catalogFunctions.addAll(io.shale.engine.distributed.TransactionFunctions.definitions(() -> cluster));
        catalogFunctions.addAll(io.shale.engine.jobs.JobFunctions.definitions(stored, () -> backgroundJobs,
                () -> cluster.localGroupId()));
        List<io.shale.engine.function.FunctionDefinition> extraFunctions = new java.util.ArrayList<>(
                CatalogFunctionAdapter.adapt(catalogFunctions));
        extraFunctions.addAll(io.shale.engine.citus.CitusFunctions.definitions());
        extraFunctions.addAll(io.shale.engine.rebalance.RebalanceFunctions.definitions());
        extraFunctions.addAll(CatalogFunctionAdapter.adapt(
                io.shale.engine.citus.TenantStatsViews.functions(tenantStats, () -> cluster)));
        this.functions = new FunctionRegistry(extraFunctions);
        this.resolver = new RegistryFunctionResolver(functions, operators);
        this.procs = ProcInfos.of(functions, operators);
        new io.shale.grammar.SqlParser().parseStatement("SELECT a FROM t WHERE b = $1 ORDER BY 1 LIMIT 1");
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("shale-timers").factory());
    }

    /** Citus's metadata relations (distribution metadata and node relations). */
    private List<io.shale.engine.system.SystemRelation> extraRelations() {
        List<io.shale.engine.system.SystemRelation> relations = new java.util.ArrayList<>(
                io.shale.engine.citus.CitusRelations.all());
        relations.addAll(io.shale.engine.citus.NodeRelations.all(catalog::get, () -> cluster.localGroupId()));
        relations.add(new io.shale.engine.distributed.DistTransactionRelation(() -> store));
        relations.addAll(io.shale.engine.citus.TenantStatsViews.relations(tenantStats, () -> cluster));
        relations.addAll(io.shale.engine.jobs.JobRelations.all(catalog.get(), () -> backgroundJobs));
        relations.add(new io.shale.engine.rebalance.RebalanceStrategyRelation());
        return relations;
    }

    @Override
    public Optional<RoleCredentials> credentials(String roleName) {
        Role role = catalog.get().role(roleName);
        return role == null ? Optional.empty()
                : Optional.of(new RoleCredentials(role.name(), role.canLogin(), role.password()));
    }

    @Override
    public Session open(String user, String database, Map<String, String> startupParameters, String remoteAddress) {
        return open(user, database, startupParameters, remoteAddress, true);
    }

    /**
     * A session other nodes open for a client's statement (its tasks, its forwarded DDL): as {@link #open}, without
     * the LOGIN and CONNECT checks the client's own node made (the role may be one the client SET ROLE to).
     */
    public Session openInternal(String user, String database, Map<String, String> startupParameters,
                                String remoteAddress) {
        return open(user, database, startupParameters, remoteAddress, false);
    }

    private Session open(String user, String database, Map<String, String> startupParameters, String remoteAddress,
                         boolean client) {
        Catalog current = catalog.get();
        Role role = current.role(user);
        if (role == null) {
            throw new ShaleException(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION, "role \"" + user + "\" does not exist")
                    .asFatal();
        }
        if (client && !role.canLogin()) {
            throw new ShaleException(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION,
                    "role \"" + user + "\" is not permitted to log in").asFatal();
        }
        Database db = current.database(database);
        if (db == null) {
            throw new ShaleException(ErrorCode.INVALID_CATALOG_NAME, "database \"" + database + "\" does not exist").asFatal();
        }
        if (!db.allowConnections()) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "database \"" + database + "\" is not currently accepting connections").asFatal();
        }
        if (client && !io.shale.engine.access.AccessChecks.isSuperuser(current, role.oid())
                && !io.shale.catalog.Privileges.has(current, db.oid(), role.oid(), io.shale.catalog.AclObjectKind.DATABASE,
                        db.oid(), io.shale.catalog.Privilege.CONNECT)) {
            throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied for database \"" + database + "\"")
                    .withDetail("User does not have CONNECT privilege.").asFatal();
        }
        int maxConnections = Integer.parseInt(config.settings().getOrDefault("max_connections", "100"));
        if (sessions.size() >= maxConnections) {
            throw new ShaleException(ErrorCode.TOO_MANY_CONNECTIONS, "sorry, too many clients already").asFatal();
        }
        int pid = nextPid.getAndIncrement();
        EngineSession session = new EngineSession(this, pid, random.nextInt(), role, db, settings.newSession(),
                startupParameters, remoteAddress);
        if (!client) {
            session.state.passWriteGate();
        }
        sessions.put(pid, session);
        return session;
    }

    @Override
    public void cancel(int processId, int secretKey) {
        EngineSession session = sessions.get(processId);
        if (session != null && session.secretKey() == secretKey) {
            session.cancel();
        }
    }

    void closed(EngineSession session) {
        sessions.remove(session.processId());
    }

    /** Makes this engine a node of a cluster; set by the node before it accepts sessions. */
    public void setCluster(io.shale.engine.distributed.ClusterHooks hooks) {
        this.cluster = java.util.Objects.requireNonNull(hooks, "hooks");
        if (cleanupDaemon == null) {
            long interval = Math.max(100, cleanupIntervalMillis);
            cleanupDaemon = timers.scheduleWithFixedDelay(new ShardCleanupDaemon(this), interval, interval,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private final long cleanupIntervalMillis;

    /** citus.defer_shard_delete_interval in ms (a number, or with the unit ms or s), 15 s by default. */
    private static long cleanupInterval(String value) {
        if (value == null) {
            return 15_000;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            return v.endsWith("ms") ? Long.parseLong(v.substring(0, v.length() - 2).trim())
                    : v.endsWith("s") ? 1000 * Long.parseLong(v.substring(0, v.length() - 1).trim()) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 15_000;
        }
    }

    /** The deferred shard cleanup's schedule (citus.defer_shard_delete_interval), once the node is in a cluster. */
    private java.util.concurrent.ScheduledFuture<?> cleanupDaemon;

    /** The cluster this engine is a node of ({@link io.shale.engine.distributed.ClusterHooks#SINGLE_NODE} alone). */
    public io.shale.engine.distributed.ClusterHooks cluster() {
        return cluster;
    }

    Collection<EngineSession> sessions() {
        return sessions.values();
    }

    /** The node's tenant monitor (citus_stat_tenants_local). */
    public io.shale.engine.citus.TenantStats tenantStats() {
        return tenantStats;
    }

    /** The node's background jobs (Citus's background task queue; the rebalancer schedules its moves there). */
    public io.shale.engine.jobs.BackgroundJobs backgroundJobs() {
        return backgroundJobs;
    }

    /** Starts running background jobs (they run only while this node is the coordinator); the node calls it. */
    public void startBackgroundJobs() {
        backgroundJobs.start();
    }

    /** The node's current catalog snapshot. */
    public Catalog catalog() {
        return catalog.get();
    }

    /**
     * Makes a transaction's catalog the node's catalog once the transaction that wrote it to the
     * store ({@link #writeCatalog}) committed; the caller holds the DDL lock.
     */
    void publish(Catalog next) {
        catalog.set(next);
        writeGate.published(next);
        catalogStore.pruneBefore(next.version());
    }

    /** The shard moves this node runs now. */
    public io.shale.engine.citus.MoveProgress moveProgress() {
        return moveProgress;
    }

    /** Where write statements wait while a shard move blocks writes (set on every catalog switch). */
    ShardWriteGate writeGate() {
        return writeGate;
    }

    /**
     * Waits until the store transactions running on this node now, the distributed transactions prepared on it and the
     * write statements let in through its write gate have ended (a shard move's write block, asked by the node that
     * runs the move); 55P03 after {@code timeoutMillis}, 55000 when no placement is write-blocked in this node's
     * catalog (the block did not reach it: its writes would go on).
     */
    public void awaitMoveWriters(long timeoutMillis) {
        if (!writeGate.blocking()) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "the write block of the shard move has not reached this node");
        }
        ShardMoveWaits.awaitRunningTransactions(this, -1, timeoutMillis, () -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
            }
        });
    }

    /** Adds {@code next} to the writes of the transaction that commits the DDL that made it. */
    void writeCatalog(Transaction txn, Catalog next) {
        catalogStore.write(txn, next);
    }

    /** Stores and publishes a catalog change made outside any transaction (the caller holds the DDL lock). */
    void commitCatalog(Catalog next) {
        cluster.stageCatalog(next);
        try {
            catalogStore.commit(next);
        } catch (RuntimeException e) {
            cluster.abortCatalog(next);
            throw e;
        }
        publish(next);
        cluster.publishCatalog(next);
    }

    /** Frees the storage ranges no relation of {@code next} uses (after a replicated catalog switch). */
    void freeUnusedRanges(Catalog next) {
        catalogStore.freeUnusedRanges(next);
    }

    /** This node's side of metadata sync, for the cluster's RPC handlers. */
    public io.shale.cluster.node.CatalogReplica replica() {
        return replica;
    }

    /** Runs a catalog-changing statement that a worker forwarded, as a session of its role would here. */
    public io.shale.cluster.node.ForwardedStatement.Result executeForwarded(
            io.shale.cluster.node.ForwardedStatement statement) {
        return ForwardedStatements.execute(this, statement);
    }

    Semaphore ddlLock() {
        return ddlLock;
    }

    /** The node's store (distributed transactions finish prepared transactions and read lock waits in it). */
    public KeyValueStore store() {
        return store;
    }

    /**
     * The id of the store transaction the session {@code processId} has open, or -1 (maps the store's lock waits to
     * distributed transactions).
     */
    public long storeTransactionId(int processId) {
        EngineSession session = sessions.get(processId);
        Transaction t = session == null ? null : session.state.transaction();
        return t == null ? -1 : t.id();
    }

    /**
     * Cancels the statement the session {@code processId} runs with {@code reason} (a distributed deadlock victim);
     * false when there is no such session.
     */
    public boolean cancelSession(int processId, io.shale.common.error.ShaleException reason) {
        EngineSession session = sessions.get(processId);
        if (session == null) {
            return false;
        }
        session.state.cancel(reason);
        return true;
    }

    /**
     * PREPARE TRANSACTION of the block of an internal session (a task session of a distributed transaction) under
     * {@code gid}, without the limit of max_prepared_transactions, which bounds what clients prepare.
     */
    public void prepareInternal(Session session, String gid) {
        String tag = ((EngineSession) session).state.prepareCommand(gid, () -> { });
        if (!tag.equals("PREPARE TRANSACTION")) {
            throw new ShaleException(ErrorCode.INVALID_TRANSACTION_STATE, "could not prepare transaction \"" + gid
                    + "\": the transaction was rolled back");
        }
    }

    TableAccess tables() {
        return tables;
    }

    /** Every function and operator function as pg_proc rows. */
    List<ProcInfo> procs() {
        return procs;
    }

    /** The bytes a table's or index's data takes in this node's store (0 for an unknown relation). */
    public long relationSize(int databaseOid, int relationOid) {
        Catalog current = catalog.get();
        return current.objects(databaseOid) == null ? 0
                : new StoreRelationSizes(this, current, databaseOid).relationSize(relationOid);
    }

    /** The group id of this node in its cluster: 0 on the coordinator and on a node outside a cluster. */
    int localGroupId() {
        return cluster.localGroupId();
    }

    FunctionRegistry functions() {
        return functions;
    }

    FunctionResolver resolver() {
        return resolver;
    }

    SystemCatalog systemCatalog() {
        return systemCatalog;
    }

    SequenceValues sequences() {
        return sequences;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    Instant startTime() {
        return startTime;
    }

    @Override
    public void close() {
        backgroundJobs.close();
        for (EngineSession s : sessions.values()) {
            s.close();
        }
        timers.shutdownNow();
        sequences.saveExactPositions();
    }
}
