package io.shale.engine.exec;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.catalog.Catalog;
import io.shale.common.types.FormatSettings;
import io.shale.engine.function.EvalContext;
import io.shale.storage.Transaction;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The state of one execution of a plan: parameters, the transaction, the enclosing rows of
 * correlated subqueries and LATERAL joins, and materialised CTEs. Not thread-safe.
 */
public final class ExecContext {
    private final EvalContext session;
    private final Transaction transaction;
    private final Catalog catalog;
    private final int databaseOid;
    private final Object[] parameters;
    private final TableAccess tables;
    private final SystemRows systemRows;
    /** Made on first use: most executions (point lookups) need none of these. */
    private ArrayDeque<Object[]> outerRows;
    private Map<Integer, List<Object[]>> materialized;
    private Map<Object, Object> cache;
    private long affected;
    private java.util.function.Supplier<io.shale.engine.distributed.TaskRunner> taskRunner;
    private int checks;
    private int processId;

    public ExecContext(EvalContext session, Transaction transaction, Catalog catalog, int databaseOid,
                       Object[] parameters, TableAccess tables, SystemRows systemRows) {
        this.session = session;
        this.transaction = transaction;
        this.catalog = catalog;
        this.databaseOid = databaseOid;
        this.parameters = parameters;
        this.tables = tables;
        this.systemRows = systemRows;
    }

    /** The backend process id of the session running this statement (pg_backend_pid()). */
    public int processId() {
        return processId;
    }

    public ExecContext withProcessId(int pid) {
        this.processId = pid;
        return this;
    }

    /** Gives the statement the runner of distributed tasks of its session. */
    public ExecContext withTaskRunner(java.util.function.Supplier<io.shale.engine.distributed.TaskRunner> runner) {
        this.taskRunner = runner;
        return this;
    }

    /** The runner of distributed tasks of the session (tasks of the local group run in its own transaction). */
    public io.shale.engine.distributed.TaskRunner taskRunner() {
        if (taskRunner == null) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "distributed execution is not supported here");
        }
        return taskRunner.get();
    }

    public EvalContext session() {
        return session;
    }

    public FormatSettings formatSettings() {
        return session.formatSettings();
    }

    public Transaction transaction() {
        return transaction;
    }

    public Catalog catalog() {
        return catalog;
    }

    public int databaseOid() {
        return databaseOid;
    }

    /** The statement's bound parameter values (do not change them). */
    public Object[] parameters() {
        return parameters;
    }

    public Object parameter(int index) {
        if (index >= parameters.length) {
            throw new ShaleException(ErrorCode.UNDEFINED_PARAMETER, "there is no parameter $" + (index + 1));
        }
        return parameters[index];
    }

    public TableAccess tables() {
        return tables;
    }

    public SystemRows systemRows() {
        return systemRows;
    }

    /** The enclosing row {@code depth} levels out (1 = innermost). */
    public Object[] outerRow(int depth) {
        Iterator<Object[]> it = outerRows.iterator();
        for (int i = 1; i < depth; i++) {
            it.next();
        }
        return it.next();
    }

    public void pushOuter(Object[] row) {
        if (outerRows == null) {
            outerRows = new ArrayDeque<>();
        }
        outerRows.push(row);
    }

    public void popOuter() {
        outerRows.pop();
    }

    public List<Object[]> materialized(int id) {
        return materialized == null ? null : materialized.get(id);
    }

    public void materialize(int id, List<Object[]> rows) {
        if (materialized == null) {
            materialized = new HashMap<>();
        }
        materialized.put(id, rows);
    }

    /** Counts rows inserted, updated or deleted by the statement (its command tag). */
    public void addAffected(long rows) {
        affected += rows;
    }

    public long affected() {
        return affected;
    }

    /** A value cached for the length of this execution (uncorrelated subquery results). */
    public Object cache(Object key) {
        return cache == null ? null : cache.get(key);
    }

    public void cache(Object key, Object value) {
        if (cache == null) {
            cache = new HashMap<>();
        }
        cache.put(key, value);
    }

    /** Called per row by long loops: fails on cancel or timeout, and yields now and then (see TableAccess). */
    public void checkInterrupted() {
        if ((++checks & TableAccess.YIELD_ROWS) == 0) {
            CarrierYield.now();
        }
        session.checkInterrupted();
    }

    /** The rows of a pg_catalog or information_schema relation, computed for this session. */
    @FunctionalInterface
    public interface SystemRows {
        Iterator<Object[]> rows(String schema, String name);
    }
}
