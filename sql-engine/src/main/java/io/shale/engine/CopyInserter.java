package io.shale.engine;

import io.shale.common.error.ShaleException;
import io.shale.engine.exec.ExecContext;
import io.shale.engine.exec.Operator;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.ModifyOperation;
import io.shale.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Inserts the rows of a COPY FROM through its compiled INSERT plan, a batch at a time: the plan's
 * one-row VALUES ($1, …, $n) source is widened to a batch of rows over one parameter array, so
 * one operator and one context serve the whole batch while defaults, NOT NULL, CHECK, foreign
 * keys, unique indexes and per-row interrupt checks still run for each row. Remembers the input
 * line of the row that failed. Into a distributed table, the batch's rows are routed to their shards, one INSERT
 * per shard and batch.
 */
final class CopyInserter {
    static final int BATCH = 256;

    private final StatementExecutor executor;
    private final Prepared.Plan plan;
    private final int width;
    private final int capacity;
    private final ModifyOperation.Insert insert;
    private final PlanNode.Values values;
    private final PlanNode full;
    private final Object[] parameters;
    private final long[] lines;
    private int count;
    private long failedLine = -1;

    CopyInserter(StatementExecutor executor, Prepared.Plan plan, int width) {
        this.executor = executor;
        this.plan = plan;
        this.width = width;
        if (plan.plan() instanceof PlanNode.Modify m && m.operation() instanceof ModifyOperation.Insert i
                && i.onConflict() == null && i.returning().isEmpty() && i.source() instanceof PlanNode.Values v
                && isParameterRow(v, width)) {
            this.insert = i;
            this.values = v;
            this.capacity = BATCH;
            this.full = batch(BATCH);
        } else if (plan.plan() instanceof PlanNode.DistributedScan d && d.input() instanceof PlanNode.Project p
                && p.input() instanceof PlanNode.Values v && isParameterRow(v, width)) {
            this.insert = null;
            this.values = v;
            this.capacity = BATCH;
            this.full = batch(BATCH);
        } else {
            this.insert = null;
            this.values = null;
            this.capacity = 1;
            this.full = plan.plan();
        }
        this.parameters = new Object[capacity * width];
        this.lines = new long[capacity];
    }

    private static boolean isParameterRow(PlanNode.Values v, int width) {
        if (v.rows().size() != 1 || v.rows().getFirst().size() != width) {
            return false;
        }
        List<Expr> row = v.rows().getFirst();
        for (int i = 0; i < width; i++) {
            if (!(row.get(i) instanceof Expr.Param p) || p.index() != i) {
                return false;
            }
        }
        return true;
    }

    /** The INSERT plan over {@code rows} rows of parameters: row r reads $(r·n+1) … $(r·n+n). */
    private PlanNode batch(int rows) {
        List<Expr> template = values.rows().getFirst();
        List<List<Expr>> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<Expr> row = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                row.add(new Expr.Param(r * width + i, ((Expr.Param) template.get(i)).type()));
            }
            out.add(row);
        }
        if (plan.plan() instanceof PlanNode.DistributedScan d && d.input() instanceof PlanNode.Project p) {
            PlanNode rowsOfBatch = new PlanNode.Project(new PlanNode.Values(out, values.columns()), p.expressions(),
                    p.columns());
            return new PlanNode.DistributedScan(d.job().forCopy(), rowsOfBatch, d.columns());
        }
        ModifyOperation.Insert widened = new ModifyOperation.Insert(insert.table(), new PlanNode.Values(out, values.columns()),
                insert.values(), null, insert.returning(), insert.rules());
        return new PlanNode.Modify(widened, ((PlanNode.Modify) plan.plan()).columns());
    }

    /** Sets a column of the row being added. */
    void set(int column, Object value) {
        parameters[count * width + column] = value;
    }

    /** Ends the row being added (read up to input line {@code line}); inserts the batch when it is full. */
    void add(long line) {
        lines[count++] = line;
        if (count == capacity) {
            flush();
        }
    }

    /** Inserts the rows added so far; on an error, {@link #failedLine()} tells which row failed. */
    void flush() {
        if (count == 0) {
            return;
        }
        PlanNode node = count == capacity ? full : batch(count);
        ExecContext ctx = executor.context(parameters);
        try (Operator op = plan.operators().create(node, ctx)) {
            op.next();
        } catch (ShaleException e) {
            failedLine = lines[(int) Math.min(ctx.affected(), count - 1)];
            throw e;
        }
        count = 0;
    }

    /** The input line of the row that failed to insert, or -1. */
    long failedLine() {
        return failedLine;
    }
}
