package io.shale.engine;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.analyze.AnalyzerContext;
import io.shale.engine.exec.Operator;
import io.shale.engine.exec.OperatorFactory;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.session.QueryListener;
import io.shale.grammar.ast.*;
import io.shale.storage.TransactionOptions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Session and transaction statements: SET/SHOW/RESET, BEGIN/COMMIT/…, PREPARE/EXECUTE, cursors. */
final class UtilityExecutor {
    private final Engine engine;
    private final EngineSession session;
    private final StatementExecutor executor;

    UtilityExecutor(Engine engine, EngineSession session, StatementExecutor executor) {
        this.engine = engine;
        this.session = session;
        this.executor = executor;
    }

    Outcome run(Statement statement) {
        SessionState state = session.state;
        return switch (statement) {
            case StartTransaction s -> {
                TransactionOptions.IsolationLevel isolation = null;
                Boolean readOnly = null;
                for (TransactionMode m : s.modes()) {
                    switch (m) {
                        case IsolationLevelMode i -> isolation = isolation(i.level());
                        case AccessMode a -> readOnly = a.readOnly();
                        case DeferrableMode d -> {
                        }
                    }
                }
                state.begin(isolation, readOnly);
                yield new Outcome.Done("BEGIN");
            }
            case Commit c -> {
                if (c.chain()) {
                    throw StatementExecutor.unsupported("COMMIT AND CHAIN");
                }
                yield new Outcome.Done(state.commitCommand());
            }
            case Rollback r -> {
                if (r.chain()) {
                    throw StatementExecutor.unsupported("ROLLBACK AND CHAIN");
                }
                yield new Outcome.Done(state.rollbackCommand());
            }
            case Savepoint s -> {
                state.savepoint(s.name());
                yield new Outcome.Done("SAVEPOINT");
            }
            case ReleaseSavepoint r -> {
                state.releaseSavepoint(r.name());
                yield new Outcome.Done("RELEASE");
            }
            case RollbackToSavepoint r -> {
                state.rollbackToSavepoint(r.name());
                yield new Outcome.Done("ROLLBACK");
            }
            case SetTransaction s -> setTransaction(s);
            case SetVariable s -> set(s);
            case ResetVariable r -> {
                if (r.name().equals("all")) {
                    session.settings.resetAll();
                } else if (r.name().equals("role")) {
                    RoleSwitch.reset(session);
                } else if (r.name().equals("session authorization") || r.name().equals("session_authorization")) {
                    RoleSwitch.setSessionAuthorization(session, List.of());
                } else {
                    session.settings.reset(settingName(r.name()));
                }
                yield new Outcome.Done("RESET");
            }
            case ShowVariable s -> show(s);
            case Prepare p -> prepare(p);
            case Deallocate d -> {
                if (d.name() == null) {
                    session.preparedStatements().keySet().removeIf(name -> !name.isEmpty());
                    yield new Outcome.Done("DEALLOCATE ALL");
                }
                if (session.preparedStatements().remove(d.name()) == null) {
                    throw new ShaleException(ErrorCode.INVALID_SQL_STATEMENT_NAME, "prepared statement \"" + d.name()
                            + "\" does not exist");
                }
                yield new Outcome.Done("DEALLOCATE");
            }
            case DeclareCursor d -> declare(d);
            case CloseCursor c -> {
                if (c.name() == null) {
                    for (Portal p : session.portals().values()) {
                        p.close();
                    }
                    session.portals().clear();
                    yield new Outcome.Done("CLOSE CURSOR ALL");
                }
                Portal p = session.portals().remove(c.name());
                if (p == null) {
                    throw new ShaleException(ErrorCode.INVALID_CURSOR_NAME, "cursor \"" + c.name() + "\" does not exist");
                }
                p.close();
                yield new Outcome.Done("CLOSE CURSOR");
            }
            case Discard d -> discard(d);
            default -> throw new IllegalStateException("not a utility statement");
        };
    }

    static TransactionOptions.IsolationLevel isolation(IsolationLevel level) {
        return switch (level) {
            case READ_COMMITTED, READ_UNCOMMITTED -> TransactionOptions.IsolationLevel.READ_COMMITTED;
            case REPEATABLE_READ -> TransactionOptions.IsolationLevel.REPEATABLE_READ;
            case SERIALIZABLE -> SessionState.isolation("serializable");
        };
    }

    private static String isolationText(IsolationLevel level) {
        return switch (level) {
            case READ_COMMITTED -> "read committed";
            case READ_UNCOMMITTED -> "read uncommitted";
            case REPEATABLE_READ -> "repeatable read";
            case SERIALIZABLE -> "serializable";
        };
    }

    private Outcome setTransaction(SetTransaction s) {
        for (TransactionMode m : s.modes()) {
            switch (m) {
                case IsolationLevelMode i -> {
                    if (s.sessionCharacteristics()) {
                        session.settings.set("default_transaction_isolation", isolationText(i.level()), false);
                    } else {
                        session.state.setTransactionCharacteristics(isolation(i.level()), null);
                    }
                }
                case AccessMode a -> {
                    if (s.sessionCharacteristics()) {
                        session.settings.set("default_transaction_read_only", a.readOnly() ? "on" : "off", false);
                    } else {
                        session.state.setTransactionCharacteristics(null, a.readOnly());
                    }
                }
                case DeferrableMode d -> {
                }
            }
        }
        return new Outcome.Done("SET");
    }

    private static String settingName(String name) {
        return switch (name) {
            case "time zone" -> "TimeZone";
            case "transaction isolation level" -> "transaction_isolation";
            default -> name;
        };
    }

    private Outcome set(SetVariable s) {
        String name = settingName(s.name());
        if (name.equals("role")) {
            RoleSwitch.set(session, s.values(), s.local());
            return new Outcome.Done("SET");
        }
        if (name.equals("session authorization") || name.equals("session_authorization")) {
            RoleSwitch.setSessionAuthorization(session, s.values());
            return new Outcome.Done("SET");
        }
        if (s.values().isEmpty()) {
            session.settings.setDefault(name, s.local());
        } else {
            session.settings.set(name, s.values(), s.local());
        }
        boolean characteristic = name.equalsIgnoreCase("transaction_isolation")
                || name.equalsIgnoreCase("transaction_read_only");
        if (characteristic && session.state.mode() == SessionState.Mode.BLOCK) {
            String value = session.settings.setting(name.toLowerCase(java.util.Locale.ROOT));
            if (name.equalsIgnoreCase("transaction_isolation")) {
                session.state.setTransactionCharacteristics(SessionState.isolation(value), null);
            } else {
                session.state.setTransactionCharacteristics(null, value.equals("on"));
            }
        }
        return new Outcome.Done("SET");
    }

    private Outcome show(ShowVariable s) {
        if (s.name().equals("all")) {
            List<Object[]> rows = new ArrayList<>();
            for (String[] r : session.settings.showAll()) {
                rows.add(new Object[] {r[0], r[1], r[2]});
            }
            return rows(List.of(OutputColumn.of("name", SqlType.TEXT), OutputColumn.of("setting", SqlType.TEXT),
                    OutputColumn.of("description", SqlType.TEXT)), rows, n -> "SHOW");
        }
        String name = settingName(s.name());
        String value = session.settings.show(name);
        return rows(outputColumns(s), List.<Object[]>of(new Object[] {value}), n -> "SHOW");
    }

    static Outcome rows(List<OutputColumn> columns, List<Object[]> rows, java.util.function.LongFunction<String> tag) {
        Iterator<Object[]> it = rows.iterator();
        Operator op = () -> it.hasNext() ? it.next() : null;
        return new Outcome.Rows(columns, op, tag);
    }

    /** The result columns of a utility statement, for Describe. */
    List<OutputColumn> outputColumns(Statement s) {
        return switch (s) {
            case ShowVariable v when v.name().equals("all") -> List.of(OutputColumn.of("name", SqlType.TEXT),
                    OutputColumn.of("setting", SqlType.TEXT), OutputColumn.of("description", SqlType.TEXT));
            case ShowVariable v -> List.of(OutputColumn.of(session.settings.canonicalName(settingName(v.name())), SqlType.TEXT));
            case Explain e -> List.of(OutputColumn.of("QUERY PLAN", SqlType.TEXT));
            case Execute e -> executor.outputColumns(session.prepared(e.name()));
            case Fetch f -> f.move() ? List.of() : executor.outputColumns(session.portal(f.cursor()).prepared);
            default -> List.of();
        };
    }

    private Outcome prepare(Prepare p) {
        if (session.preparedStatements().containsKey(p.name())) {
            throw new ShaleException(ErrorCode.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + p.name()
                    + "\" already exists");
        }
        AnalyzerContext context = executor.analyzerContext(List.of());
        List<SqlType> types = new ArrayList<>();
        for (TypeName t : p.parameterTypes()) {
            types.add(context.resolveType(t));
        }
        Prepared prepared = new Prepared(p.name(), "", p.statement(), types);
        executor.plan(prepared);
        session.preparedStatements().put(p.name(), prepared);
        return new Outcome.Done("PREPARE");
    }

    /** EXECUTE name (args): runs a prepared statement with constant arguments. */
    Outcome execute(Execute e, QueryListener listener) {
        Prepared prepared = session.prepared(e.name());
        Prepared.Plan plan = executor.plan(prepared);
        List<SqlType> types = plan.parameterTypes();
        if (types.size() != e.parameters().size()) {
            throw new ShaleException(ErrorCode.SYNTAX_ERROR, "wrong number of parameters for prepared statement \""
                    + e.name() + "\"").withDetail("Expected " + types.size() + " parameters but got " + e.parameters().size() + ".");
        }
        Object[] values = ConstantArguments.evaluate(executor, e.parameters(), types);
        Portal portal = new Portal("", prepared, values, new short[0]);
        return switch (prepared.statement) {
            case Query q -> executor.rows(prepared, values, n -> "SELECT " + n);
            default -> {
                Outcome outcome = executor.runToOutcome(portal, listener);
                yield outcome;
            }
        };
    }

    private Outcome declare(DeclareCursor d) {
        if (!d.withHold() && session.state.mode() != SessionState.Mode.BLOCK) {
            throw new ShaleException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, "DECLARE CURSOR can only be used in transaction blocks");
        }
        if (session.portals().containsKey(d.name())) {
            throw new ShaleException(ErrorCode.DUPLICATE_CURSOR, "cursor \"" + d.name() + "\" already exists");
        }
        Prepared prepared = new Prepared(d.name(), "", d.query(), List.of());
        Portal portal = new Portal(d.name(), prepared, new Object[0], new short[0]);
        Outcome outcome = executor.rows(prepared, new Object[0], n -> "SELECT " + n);
        if (d.withHold() && outcome instanceof Outcome.Rows r) {
            outcome = rows(r.columns(), OperatorFactory.drain(r.rows()), r.tag());
        }
        portal.outcome = outcome;
        portal.holdable = d.withHold();
        session.portals().put(d.name(), portal);
        return new Outcome.Done("DECLARE CURSOR");
    }

    /** FETCH / MOVE: the next rows of a cursor. */
    Outcome fetch(Fetch f) {
        Portal portal = session.portal(f.cursor());
        if (f.direction() != FetchDirection.FORWARD || f.count() < 0) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "cursor can only scan forward")
                    .withHint("Declare it with SCROLL option to enable backward scan.");
        }
        Outcome.Rows rows = (Outcome.Rows) portal.outcome;
        long wanted = f.count() == 0 || f.count() == Long.MAX_VALUE ? Long.MAX_VALUE : f.count();
        List<Object[]> out = new ArrayList<>();
        while (out.size() < wanted && !portal.finished) {
            Object[] row = rows.rows().next();
            if (row == null) {
                portal.finished = true;
                break;
            }
            out.add(row);
        }
        String verb = f.move() ? "MOVE " : "FETCH ";
        if (f.move()) {
            return new Outcome.Done(verb + out.size());
        }
        return rows(rows.columns(), out, n -> verb + n);
    }

    private Outcome discard(Discard d) {
        if (d.target() == DiscardTarget.ALL) {
            if (session.state.mode() == SessionState.Mode.BLOCK) {
                throw new ShaleException(ErrorCode.ACTIVE_SQL_TRANSACTION, "DISCARD ALL cannot run inside a transaction block");
            }
            session.settings.resetAll();
            session.preparedStatements().keySet().removeIf(name -> !name.isEmpty());
            for (Portal p : session.portals().values()) {
                p.close();
            }
            session.portals().clear();
        }
        return new Outcome.Done("DISCARD " + d.target().name());
    }
}
