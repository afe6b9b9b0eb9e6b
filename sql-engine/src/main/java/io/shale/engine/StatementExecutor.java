package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.analyze.AnalyzerContext;
import io.shale.engine.analyze.DmlAnalyzer;
import io.shale.engine.analyze.QueryAnalyzer;
import io.shale.engine.exec.ExecContext;
import io.shale.engine.exec.Operator;
import io.shale.engine.exec.OperatorFactory;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;
import io.shale.engine.session.Notice;
import io.shale.engine.session.QueryListener;
import io.shale.engine.session.StatementDescription;
import io.shale.grammar.ast.*;

import java.util.List;

/** Runs statements of a session: plans and executes queries and DML, hands the rest to utilities and DDL. */
final class StatementExecutor {
    private final Engine engine;
    private final EngineSession session;
    private final SessionState state;
    private final UtilityExecutor utilities;
    private final DdlExecutor ddl;
    private io.shale.engine.distributed.TaskRunner localRunner;
    private final java.util.Map<String, Prepared> taskStatements = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Prepared> eldest) {
            return size() > 128;
        }
    };

    /** The statements of task texts that other nodes sent this (internal) session, most recent kept. */
    private final java.util.Map<String, Prepared> remoteTaskStatements = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Prepared> eldest) {
            return size() > 1024;
        }
    };

    StatementExecutor(Engine engine, EngineSession session) {
        this.engine = engine;
        this.session = session;
        this.state = session.state;
        this.utilities = new UtilityExecutor(engine, session, this);
        this.ddl = new DdlExecutor(engine, session, this);
    }

    /** Runs (or continues) a portal, sending at most {@code maxRows} rows when not 0. */
    void run(Portal portal, int maxRows, QueryListener listener, boolean simple) {
        if (portal.finished) {
            listener.commandComplete(tagOf(portal, portal.sent));
            return;
        }
        if (portal.outcome == null) {
            Statement statement = portal.prepared.statement;
            if (statement == null) {
                listener.emptyQuery();
                return;
            }
            state.beginStatement(isControl(statement), allowedWhenFailed(statement));
            try {
                portal.outcome = dispatch(statement, portal, listener);
            } catch (ShaleException e) {
                throw state.interrupted() && e.code() == ErrorCode.QUERY_CANCELED ? state.interruption() : e;
            } finally {
                sendNotices(listener);
            }
            if (simple && portal.outcome instanceof Outcome.Rows rows) {
                listener.rowDescription(EngineSession.describe(rows.columns()));
            }
        }
        try {
            send(portal, maxRows, listener);
        } catch (ShaleException e) {
            throw state.interrupted() && e.code() == ErrorCode.QUERY_CANCELED ? state.interruption() : e;
        } finally {
            state.endStatement();
        }
    }

    private void send(Portal portal, int maxRows, QueryListener listener) {
        switch (portal.outcome) {
            case Outcome.Rows rows -> {
                Operator op = rows.rows();
                int sentNow = 0;
                while (maxRows == 0 || sentNow < maxRows) {
                    Object[] row = op.next();
                    if (state.hasNotices()) {
                        sendNotices(listener);
                    }
                    if (row == null) {
                        portal.close();
                        listener.commandComplete(rows.tag().apply(portal.sent));
                        return;
                    }
                    listener.row(row);
                    sentNow++;
                    portal.sent++;
                    if ((portal.sent & 1023) == 0) {
                        io.shale.engine.exec.CarrierYield.now();
                        state.checkInterrupted();
                    }
                }
                listener.portalSuspended();
            }
            case Outcome.Done done -> {
                portal.finished = true;
                listener.commandComplete(done.tag());
            }
            case Outcome.Empty empty -> listener.emptyQuery();
        }
    }

    private String tagOf(Portal portal, long sent) {
        return portal.outcome instanceof Outcome.Rows rows ? rows.tag().apply(sent)
                : portal.outcome instanceof Outcome.Done d ? d.tag() : "";
    }

    void sendNotices(QueryListener listener) {
        for (Notice n : state.takeNotices()) {
            listener.notice(n);
        }
    }

    private static boolean isControl(Statement s) {
        return s instanceof StartTransaction || s instanceof Commit || s instanceof Rollback
                || s instanceof Savepoint || s instanceof ReleaseSavepoint || s instanceof RollbackToSavepoint
                || s instanceof SetTransaction || s instanceof PrepareTransaction || s instanceof CommitPrepared
                || s instanceof RollbackPrepared || s instanceof CreateDatabase || s instanceof DropDatabase
                || s instanceof Vacuum;
    }

    private static boolean allowedWhenFailed(Statement s) {
        return s instanceof Commit || s instanceof Rollback || s instanceof RollbackToSavepoint
                || s instanceof PrepareTransaction;
    }

    private Outcome dispatch(Statement statement, Portal portal, QueryListener listener) {
        if (!isControl(statement) && !(statement instanceof SetVariable || statement instanceof ShowVariable
                || statement instanceof ResetVariable)) {
            state.markQueried();
        }
        String writes = writeCommand(statement);
        if (writes != null) {
            state.checkWritable(writes);
            state.awaitShardWrites();
        }
        if (!isControl(statement)) {
            state.refreshSnapshotForCatalog();
        }
        return switch (statement) {
            case Query q -> rows(portal.prepared, portal.parameters, n -> "SELECT " + n);
            case Insert i -> modify(portal.prepared, portal.parameters, "INSERT 0 ");
            case Update u -> modify(portal.prepared, portal.parameters, "UPDATE ");
            case Delete d -> modify(portal.prepared, portal.parameters, "DELETE ");
            case Explain e -> Explainer.explain(this, e, portal.parameters);
            case Copy c -> new CopyExecutor(engine, session, this).copy(c, listener);
            case StartTransaction s -> utilities.run(s);
            case Commit s -> utilities.run(s);
            case Rollback s -> utilities.run(s);
            case Savepoint s -> utilities.run(s);
            case ReleaseSavepoint s -> utilities.run(s);
            case RollbackToSavepoint s -> utilities.run(s);
            case SetTransaction s -> utilities.run(s);
            case SetVariable s -> utilities.run(s);
            case ResetVariable s -> utilities.run(s);
            case ShowVariable s -> utilities.run(s);
            case Prepare s -> utilities.run(s);
            case Execute s -> utilities.execute(s, listener);
            case Deallocate s -> utilities.run(s);
            case DeclareCursor s -> utilities.run(s);
            case Fetch s -> utilities.fetch(s);
            case CloseCursor s -> utilities.run(s);
            case Discard s -> utilities.run(s);
            case Vacuum s -> vacuum(s);
            case Analyze s -> new Outcome.Done("ANALYZE");
            case Checkpoint s -> new Outcome.Done("CHECKPOINT");
            case Listen s -> throw unsupported("LISTEN");
            case Notify s -> throw unsupported("NOTIFY");
            case Unlisten s -> throw unsupported("UNLISTEN");
            case DoBlock s -> throw unsupported("DO");
            case PrepareTransaction s -> new PreparedTransactions(engine, session).prepare(s.transactionId());
            case CommitPrepared s -> new PreparedTransactions(engine, session).finish(s.transactionId(), true);
            case RollbackPrepared s -> new PreparedTransactions(engine, session).finish(s.transactionId(), false);
            default -> engine.cluster().isCoordinator() ? ddl.run(statement)
                    : DdlForwarding.forward(engine, session, statement, portal.prepared.sql);
        };
    }

    /**
     * VACUUM [FULL] [ANALYZE] [tables]: the store drops now the versions no snapshot needs (it has one
     * history for all tables, so the list only has to name existing relations); ANALYZE gathers nothing.
     */
    private Outcome vacuum(Vacuum vacuum) {
        if (state.mode() != SessionState.Mode.NONE) {
            throw new ShaleException(ErrorCode.ACTIVE_SQL_TRANSACTION, "VACUUM cannot run inside a transaction block");
        }
        AnalyzerContext context = analyzerContext(List.of());
        for (VacuumTarget target : vacuum.targets()) {
            if (context.findRelation(target.table()) == null) {
                throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", target.table().parts())
                        + "\" does not exist");
            }
        }
        engine.store().vacuum();
        return new Outcome.Done("VACUUM");
    }

    /** Runs a statement of a portal to its outcome (EXECUTE of a prepared DML statement). */
    Outcome runToOutcome(Portal portal, QueryListener listener) {
        return dispatch(portal.prepared.statement, portal, listener);
    }

    /** The command name of a statement that writes (for the read-only transaction error), or null. */
    private static String writeCommand(Statement s) {
        return switch (s) {
            case Query q when !q.locking().isEmpty() ->
                    "SELECT " + io.shale.engine.analyze.RowLocking.name(q.locking().getFirst().strength());
            case Insert i -> "INSERT";
            case Update u -> "UPDATE";
            case Delete d -> "DELETE";
            case Copy c -> c.from() ? "COPY FROM" : null;
            case CreateTable c -> "CREATE TABLE";
            case CreateTableAs c -> "CREATE TABLE AS";
            case AlterTable a -> "ALTER TABLE";
            case CreateIndex c -> "CREATE INDEX";
            case Truncate t -> "TRUNCATE TABLE";
            case DropObjects d -> "DROP " + d.type().name();
            case CreateSchema c -> "CREATE SCHEMA";
            case CreateSequence c -> "CREATE SEQUENCE";
            case CreateView c -> "CREATE VIEW";
            default -> null;
        };
    }

    static ShaleException unsupported(String what) {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " is not supported");
    }

    /** Runs a query plan: its rows, tagged by {@code tag}. */
    Outcome rows(Prepared prepared, Object[] parameters, java.util.function.LongFunction<String> tag) {
        Prepared.Plan plan = plan(prepared);
        checkPrivileges(plan);
        requireParameters(plan, parameters);
        ExecContext ctx = context(parameters);
        Operator op = plan.operators().create(plan.plan(), ctx);
        return new Outcome.Rows(plan.columns(), op, tag);
    }

    /** Runs a DML plan: its RETURNING rows, or its count. */
    Outcome modifyOutcome(Prepared prepared, Object[] parameters, String tagPrefix) {
        return modify(prepared, parameters, tagPrefix);
    }

    private Outcome modify(Prepared prepared, Object[] parameters, String tagPrefix) {
        Prepared.Plan plan = plan(prepared);
        checkPrivileges(plan);
        requireParameters(plan, parameters);
        ExecContext ctx = context(parameters);
        Operator op = plan.operators().create(plan.plan(), ctx);
        if (plan.columns().isEmpty()) {
            op.close();
            return new Outcome.Done(tagPrefix + ctx.affected());
        }
        return new Outcome.Rows(plan.columns(), op, n -> tagPrefix + ctx.affected());
    }

    /** Refuses (42501) a role that lacks a privilege the plan needs; runs before every execution of a plan. */
    void checkPrivileges(Prepared.Plan plan) {
        plan.required().check(plan.catalog(), session.database.oid(), plan.roleOid());
    }

    /** A statement sent without values for its parameters (a simple Query naming $1) fails as in PostgreSQL. */
    private static void requireParameters(Prepared.Plan plan, Object[] parameters) {
        if (parameters.length < plan.parameterTypes().size()) {
            throw new ShaleException(ErrorCode.UNDEFINED_PARAMETER, "there is no parameter $" + (parameters.length + 1));
        }
    }

    ExecContext context(Object[] parameters) {
        return new ExecContext(state, state.transaction(), state.catalog(), session.database.oid(), parameters,
                engine.tables(), (schema, name) -> engine.systemCatalog().relation(schema, name)
                        .rows(new SessionSystemContext(engine, session))).withProcessId(session.processId())
                .withTaskRunner(this::taskRunner);
    }

    /** The session's task runner: the cluster's, with this session as the runner of local tasks. */
    io.shale.engine.distributed.TaskRunner taskRunner() {
        if (localRunner == null) {
            localRunner = new io.shale.engine.distributed.LocalTaskRunner(engine.cluster().localGroupId(),
                    sql -> new LocalTasks(this).run(sql));
        }
        return engine.cluster().taskRunner(new SessionView(session, state), localRunner);
    }

    /** The session's database. */
    int databaseOid() {
        return session.database.oid();
    }

    Engine engine() {
        return engine;
    }

    /** The prepared statement of a task text, kept for the session's most recent task texts. */
    Prepared taskStatement(String sql) {
        return cachedStatement(taskStatements, sql);
    }

    /**
     * Task texts longer than this are not kept: they carry rows (INSERT … VALUES of a batch, COPY-like pushes) and
     * rarely come again, and 1024 kept plans of megabyte statements would hold gigabytes.
     */
    private static final int MAX_CACHED_TASK_TEXT = 4096;

    private Prepared cachedStatement(java.util.Map<String, Prepared> cache, String sql) {
        Prepared prepared = cache.get(sql);
        if (prepared == null) {
            prepared = new Prepared("", sql, session.parser().parseStatement(sql), List.of());
            if (sql.length() <= MAX_CACHED_TASK_TEXT) {
                cache.put(sql, prepared);
            }
        }
        return prepared;
    }

    /** The prepared statement of a task text another node sent, kept for the session's recent remote task texts. */
    Prepared remoteTaskStatement(String sql) {
        return cachedStatement(remoteTaskStatements, sql);
    }

    /** A column's DEFAULT compiled for this session (citus functions filling shard rows); null without one. */
    java.util.function.Supplier<Object> columnDefault(io.shale.catalog.Column column) {
        if (column.defaultSql() == null) {
            return () -> null;
        }
        ExecContext context = context(new Object[0]);
        io.shale.engine.exec.Evaluator value = new io.shale.engine.exec.OperatorFactory().compiler().compile(
                io.shale.engine.analyze.StandaloneExpressions.analyze(analyzerContext(List.of()),
                        session.parser().parseExpression(column.defaultSql()), column.type(), "DEFAULT expressions"));
        return () -> value.eval(null, context);
    }

    /** A table's CHECK constraint compiled for this session: whether a row passes it (NULL passes). */
    java.util.function.Predicate<Object[]> checkConstraint(io.shale.catalog.Table table, String checkSql) {
        ExecContext context = context(new Object[0]);
        io.shale.engine.exec.Evaluator check = new io.shale.engine.exec.OperatorFactory().compiler().compile(
                io.shale.engine.analyze.StandaloneExpressions.overTable(analyzerContext(List.of()), table,
                        session.parser().parseExpression(checkSql), "CHECK"));
        return row -> !Boolean.FALSE.equals(check.eval(row, context));
    }

    AnalyzerContext analyzerContext(List<SqlType> parameterTypes) {
        return new AnalyzerContext(state.catalog(), session.database.oid(), state.currentSchemas(false),
                state.currentUser(), engine.resolver(), new SessionSystemRelations(engine),
                state.formatSettings(), parameterTypes).withLocalGroup(engine.localGroupId())
                .withRole(state.currentUserOid());
    }

    /** The statement's plan, made again when the catalog or the search path changed since. */
    Prepared.Plan plan(Prepared prepared) {
        Catalog catalog = state.catalog();
        String path = state.statementSettings().searchPath();
        Prepared.Plan cached = prepared.plan;
        int role = state.currentUserOid();
        if (cached != null && cached.catalog() == catalog && cached.searchPath().equals(path) && cached.roleOid() == role) {
            return cached;
        }
        AnalyzerContext context = analyzerContext(prepared.declaredTypes);
        QueryAnalyzer queries = new QueryAnalyzer(context);
        PlanNode plan = switch (prepared.statement) {
            case Query q -> queries.analyze(q, null).plan();
            case Insert i -> new DmlAnalyzer(queries).insert(i);
            case Update u -> new DmlAnalyzer(queries).update(u);
            case Delete d -> new DmlAnalyzer(queries).delete(d);
            default -> throw new IllegalStateException("not a plannable statement");
        };
        PlanNode distributed = io.shale.engine.distributed.DistributedPlanner.plan(prepared.statement, plan,
                new SessionPlanning(this, context, catalog));
        if (distributed != null) {
            plan = distributed;
        }
        plan = io.shale.engine.optimize.Optimizer.optimize(plan, catalog.objects(session.database.oid()));
        StatementDescription description = new StatementDescription(oids(context.parameterTypes()),
                EngineSession.describe(plan.columns()));
        Prepared.Plan made = new Prepared.Plan(plan, new OperatorFactory(), context.parameterTypes(), catalog, path,
                description, context.requiredPrivileges(), role);
        prepared.plan = made;
        return made;
    }

    StatementDescription describe(Prepared prepared) {
        Statement s = prepared.statement;
        if (s instanceof Query || s instanceof Insert || s instanceof Update || s instanceof Delete) {
            return plan(prepared).description();
        }
        return new StatementDescription(oids(prepared.declaredTypes), EngineSession.describe(outputColumns(prepared)));
    }

    List<OutputColumn> outputColumns(Prepared prepared) {
        Statement s = prepared.statement;
        if (s instanceof Query || s instanceof Insert || s instanceof Update || s instanceof Delete) {
            return plan(prepared).columns();
        }
        return utilities.outputColumns(s);
    }

    private static int[] oids(List<SqlType> types) {
        int[] oids = new int[types.size()];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = types.get(i).oid();
        }
        return oids;
    }

    EngineSession session() {
        return session;
    }
}
