package io.shale.engine.distributed;

import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.grammar.ast.AllColumns;
import io.shale.grammar.ast.AstComparison;
import io.shale.grammar.ast.BinaryOperation;
import io.shale.grammar.ast.Cast;
import io.shale.grammar.ast.ColumnReference;
import io.shale.grammar.ast.Exists;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.FunctionCall;
import io.shale.grammar.ast.InSubquery;
import io.shale.grammar.ast.IntegerLiteral;
import io.shale.grammar.ast.OperatorName;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.QuerySpecification;
import io.shale.grammar.ast.ScalarSubquery;
import io.shale.grammar.ast.SelectItem;
import io.shale.grammar.ast.SingleColumn;
import io.shale.grammar.ast.SortItem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits a multi-shard query block into the query every shard runs and the query the coordinator runs over their
 * rows (the columns {@code worker_result.c0, c1, …}). Without aggregation, or when GROUP BY holds the distribution
 * column, the shards do all of it and the coordinator only sorts and limits; otherwise aggregates are split as
 * Citus does (count → sum of counts, avg → sum / count, min/max/sum/bool_and/bool_or combined with themselves), or,
 * when one of them does not split exactly, row-gathered: the shards return the columns and the coordinator
 * aggregates.
 */
final class MergeRewriter {
    static final String RESULT = "worker_result";

    private final Query query;
    private final QuerySpecification spec;
    private final List<String> outputNames;
    private final Predicate<Expression> isDistributionColumn;
    private final boolean split;
    private final boolean gather;
    private final List<Expression> groupKeys = new ArrayList<>();
    private final List<Expression> workerColumns = new ArrayList<>();
    private final List<SortItem> coordinatorOrder = new ArrayList<>();
    private final List<Expression> coordinatorDistinctOn = new ArrayList<>();
    private int visibleColumns = -1;
    private boolean pushLimit;
    private List<SqlType> workerTypes;
    private int partialIndex;

    MergeRewriter(Query query, List<String> outputNames, Predicate<Expression> isDistributionColumn) {
        this(query, outputNames, isDistributionColumn, e -> false);
    }

    /** {@code isInputColumn} tells the names of FROM columns, which GROUP BY prefers to output names. */
    MergeRewriter(Query query, List<String> outputNames, Predicate<Expression> isDistributionColumn,
                  Predicate<Expression> isInputColumn) {
        this.query = query;
        this.spec = (QuerySpecification) query.body();
        this.outputNames = outputNames;
        this.isDistributionColumn = isDistributionColumn;
        for (Expression g : spec.groupBy()) {
            groupKeys.add(isInputColumn.test(g) ? g : resolveOutputReference(g));
        }
        boolean aggregated = !spec.groupBy().isEmpty() || spec.having() != null
                || AggregateNames.hasAggregate(spec.selectItems()) || AggregateNames.hasAggregate(query.orderBy());
        boolean byDistribution = false;
        for (Expression g : groupKeys) {
            byDistribution |= isDistributionColumn.test(g);
        }
        this.split = aggregated && !byDistribution;
        this.gather = split && !splittable();
        if (split && !spec.distinctOn().isEmpty()) {
            throw DistributedPlanner.unsupported("DISTINCT ON is not supported in multi-shard aggregate queries "
                    + "without a GROUP BY on the distribution column");
        }
        if (hasWindow() && (split || !windowsPartitionedByDistribution())) {
            throw DistributedPlanner.unsupported("could not run distributed query because the window function that is "
                    + "used cannot be pushed down").withHint("Window functions are supported in two ways. Either add "
                    + "an equality filter on the distributed tables' partition column or use the window functions "
                    + "with a PARTITION BY clause containing the distribution column");
        }
    }

    /** The query each shard runs (over the shell tables' names, renamed per shard later). */
    Query worker() {
        if (split) {
            return splitWorker();
        }
        List<SelectItem> items = new ArrayList<>(spec.selectItems());
        boolean star = false;
        for (SelectItem item : items) {
            star |= item instanceof AllColumns;
        }
        int hidden = 0;
        for (Expression d : spec.distinctOn()) {
            Expression mapped = star && !(d instanceof IntegerLiteral) ? null : outputReference(d);
            if (mapped == null) {
                items.add(new SingleColumn(d, null));
                mapped = new IntegerLiteral(Integer.toString(-(++hidden)), 0);
            }
            coordinatorDistinctOn.add(mapped);
        }
        for (SortItem s : query.orderBy()) {
            Expression mapped = star && !(s.expression() instanceof IntegerLiteral) ? null : outputReference(s.expression());
            if (mapped == null) {
                items.add(new SingleColumn(s.expression(), null));
                mapped = new IntegerLiteral(Integer.toString(-(++hidden)), 0);
            }
            coordinatorOrder.add(new SortItem(mapped, s.order(), s.nullOrdering()));
        }
        visibleColumns = -hidden;
        pushLimit = query.limit() != null;
        Expression limit = null;
        if (pushLimit) {
            limit = query.offset() == null ? query.limit()
                    : new BinaryOperation(OperatorName.of("+"), query.limit(), query.offset(), 0);
        }
        QuerySpecification worker = new QuerySpecification(spec.distinct(), spec.distinctOn(), items, spec.from(),
                spec.where(), spec.groupBy(), spec.having(), spec.windows());
        boolean ordered = pushLimit || !spec.distinctOn().isEmpty();
        return new Query(query.with(), worker, ordered ? query.orderBy() : List.of(), limit, null, List.of());
    }

    private Query splitWorker() {
        workerColumns.addAll(groupKeys);
        for (SelectItem item : spec.selectItems()) {
            if (!(item instanceof SingleColumn c)) {
                throw DistributedPlanner.unsupported("SELECT * is not supported in a multi-shard aggregate query");
            }
            combine(c.expression());
        }
        if (spec.having() != null) {
            combine(spec.having());
        }
        for (SortItem s : query.orderBy()) {
            if (!isOutputReference(s.expression())) {
                combine(s.expression());
            }
        }
        List<SelectItem> items = new ArrayList<>();
        for (Expression e : workerColumns) {
            items.add(new SingleColumn(e, null));
        }
        if (items.isEmpty()) {
            items.add(new SingleColumn(new IntegerLiteral("1", 0), null));
        }
        QuerySpecification worker = new QuerySpecification(false, List.of(), items, spec.from(), spec.where(),
                gather ? List.of() : groupKeys, null, List.of());
        return new Query(query.with(), worker, List.of(), null, null, List.of());
    }

    /**
     * The coordinator's query over {@code from} (the placeholder of the worker rows), once the worker's column types
     * are known.
     */
    Query coordinator(List<SqlType> types, List<io.shale.grammar.ast.Relation> from) {
        this.workerTypes = types;
        List<SelectItem> items = new ArrayList<>();
        List<Expression> groupBy = new ArrayList<>();
        Expression having = null;
        List<SortItem> order = new ArrayList<>();
        if (!split) {
            int visible = types.size() + visibleColumns;
            for (int i = 0; i < visible; i++) {
                items.add(new SingleColumn(column(i), outputNames.get(i)));
            }
            for (SortItem s : coordinatorOrder) {
                order.add(new SortItem(hiddenColumn(s.expression(), visible), s.order(), s.nullOrdering()));
            }
            List<Expression> distinctOn = new ArrayList<>();
            for (Expression d : coordinatorDistinctOn) {
                distinctOn.add(hiddenColumn(d, visible));
            }
            return new Query(null, new QuerySpecification(spec.distinct(), distinctOn, items, from, null, List.of(),
                    null, List.of()), order, query.limit(), query.offset(), List.of());
        }
        partialIndex = groupKeys.size();
        int i = 0;
        for (SelectItem item : spec.selectItems()) {
            items.add(new SingleColumn(combine(((SingleColumn) item).expression()), outputNames.get(i++)));
        }
        if (spec.having() != null) {
            having = combine(spec.having());
        }
        for (SortItem s : query.orderBy()) {
            Expression e = isOutputReference(s.expression()) ? s.expression() : combine(s.expression());
            order.add(new SortItem(e, s.order(), s.nullOrdering()));
        }
        for (int g = 0; g < groupKeys.size(); g++) {
            groupBy.add(column(g));
        }
        return new Query(null, new QuerySpecification(spec.distinct(), List.of(), items, from, null, groupBy, having,
                List.of()), order, query.limit(), query.offset(), List.of());
    }

    /** A hidden worker column ({@code -k}: the k-th column after the visible ones) as a column; else itself. */
    private static Expression hiddenColumn(Expression e, int visible) {
        if (e instanceof IntegerLiteral literal && literal.text().startsWith("-")) {
            return column(visible - 1 - Integer.parseInt(literal.text()));
        }
        return e;
    }

    /** Whether the shards apply the LIMIT too (LIMIT + OFFSET rows each). */
    boolean limitPushed() {
        return pushLimit;
    }

    static ColumnReference column(int index) {
        return new ColumnReference(QualifiedName.of(RESULT, "c" + index), 0);
    }

    /**
     * The coordinator's form of an expression of the aggregated block: group keys become worker columns, aggregates
     * their combination over partial columns. In the first pass (no worker types yet) it collects the worker columns.
     */
    private Expression combine(Expression e) {
        return AstNodes.rewrite(e, node -> {
            if (!(node instanceof Expression expression)) {
                return node;
            }
            for (int g = 0; g < groupKeys.size(); g++) {
                if (AstComparison.equalsIgnoringPositions(groupKeys.get(g), expression)) {
                    return column(g);
                }
            }
            return switch (expression) {
                case FunctionCall call when call.window() == null && AggregateNames.isAggregate(call) ->
                        aggregate(call);
                case ColumnReference c -> throw DistributedPlanner.unsupported("column \"" + c.name()
                        + "\" must appear in the GROUP BY clause or be used in an aggregate function");
                case ScalarSubquery s -> throw subquery();
                case Exists s -> throw subquery();
                case InSubquery s -> throw subquery();
                default -> node;
            };
        });
    }

    private static io.shale.common.error.ShaleException subquery() {
        return DistributedPlanner.unsupported("cannot push down this subquery")
                .withDetail("Subqueries in the target list or HAVING of a multi-shard aggregate are not supported");
    }

    /** The combination of a split aggregate (every aggregate of a block that is not row-gathered splits exactly). */
    private Expression aggregate(FunctionCall call) {
        if (gather) {
            return gathered(call);
        }
        String name = call.name().last();
        if (name.equals("avg")) {
            FunctionCall sum = rename(call, "sum");
            FunctionCall count = rename(call, "count");
            int s = partial(sum);
            int c = partial(count);
            if (workerTypes == null) {
                return column(s);
            }
            SqlType sumType = workerTypes.get(s);
            boolean numeric = sumType.oid() == TypeOids.NUMERIC || sumType.oid() == TypeOids.INT8;
            boolean interval = sumType.oid() == TypeOids.INTERVAL;
            Expression total = call("sum", column(s));
            if (!interval) {
                total = cast(total, numeric ? "numeric" : "double precision");
            }
            Expression n = cast(call("sum", column(c)), numeric ? "numeric" : "double precision");
            return new BinaryOperation(OperatorName.of("/"), total, n, 0);
        }
        int p = partial(call);
        if (workerTypes == null) {
            return column(p);
        }
        return switch (name) {
            case "count" -> cast(call("sum", column(p)), "bigint");
            case "sum" -> workerTypes.get(p).oid() == TypeOids.INT8 ? cast(call("sum", column(p)), "bigint")
                    : call("sum", column(p));
            case "every" -> call("bool_and", column(p));
            default -> call(name, column(p));
        };
    }

    /**
     * Row-gather (Citus's {@code coordinator_aggregation_strategy = 'row-gather'}): the shards return the columns the
     * aggregate reads, the coordinator aggregates them.
     */
    private Expression gathered(FunctionCall call) {
        return AstNodes.rewrite(call, node -> switch (node) {
            case ColumnReference c -> column(workerColumn(c));
            case ScalarSubquery s -> throw subquery();
            case Exists s -> throw subquery();
            case InSubquery s -> throw subquery();
            default -> node;
        });
    }

    /** The worker column that returns {@code e}, added in the first pass. */
    private int workerColumn(Expression e) {
        for (int i = 0; i < workerColumns.size(); i++) {
            if (AstComparison.equalsIgnoringPositions(workerColumns.get(i), e)) {
                return i;
            }
        }
        if (workerTypes != null) {
            throw new IllegalStateException("worker column missing from the first pass");
        }
        workerColumns.add(e);
        return workerColumns.size() - 1;
    }

    /** Whether every aggregate of the block splits exactly into per-shard partials and a combination. */
    private boolean splittable() {
        for (FunctionCall call : AstNodes.collect(List.of(spec.selectItems(), query.orderBy()), FunctionCall.class)) {
            if (!splittable(call)) {
                return false;
            }
        }
        if (spec.having() != null) {
            for (FunctionCall call : AstNodes.collect(spec.having(), FunctionCall.class)) {
                if (!splittable(call)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean splittable(FunctionCall call) {
        if (call.window() != null || !AggregateNames.isAggregate(call)) {
            return true;
        }
        String name = call.name().last();
        if (!AggregateNames.SPLITTABLE.contains(name) || !call.orderBy().isEmpty() || call.withinGroup()) {
            return false;
        }
        return !call.distinct() || name.equals("min") || name.equals("max")
                || call.arguments().size() == 1 && isDistributionColumn.test(call.arguments().getFirst());
    }

    private static FunctionCall rename(FunctionCall call, String name) {
        return new FunctionCall(QualifiedName.of(name), call.arguments(), call.distinct(), call.star(), call.variadic(),
                call.orderBy(), call.withinGroup(), call.filter(), null, call.position());
    }

    /** The worker column of a partial aggregate: added in the first pass, read back in order in the second. */
    private int partial(FunctionCall call) {
        if (workerTypes == null) {
            workerColumns.add(call);
            return workerColumns.size() - 1;
        }
        return partialIndex++;
    }

    private static FunctionCall call(String name, Expression argument) {
        return new FunctionCall(QualifiedName.of(name), List.of(argument), false, false, false, List.of(), false, null,
                null, 0);
    }

    private static Expression cast(Expression e, String type) {
        return new Cast(e, new io.shale.grammar.SqlParser().parseType(type), 0);
    }

    private boolean hasWindow() {
        for (FunctionCall call : AstNodes.collect(spec.selectItems(), FunctionCall.class)) {
            if (call.window() != null) {
                return true;
            }
        }
        return !spec.windows().isEmpty();
    }

    /** Whether every window of the block is partitioned by the distribution column, so each shard computes it whole. */
    private boolean windowsPartitionedByDistribution() {
        List<io.shale.grammar.ast.WindowSpecification> specs = new ArrayList<>();
        for (FunctionCall call : AstNodes.collect(List.of(spec.selectItems(), query.orderBy()), FunctionCall.class)) {
            if (call.window() != null) {
                specs.add(call.window());
            }
        }
        for (io.shale.grammar.ast.WindowDefinition d : spec.windows()) {
            specs.add(d.specification());
        }
        for (io.shale.grammar.ast.WindowSpecification w : specs) {
            List<Expression> partition = w.partitionBy();
            if (w.existingWindow() != null) {
                for (io.shale.grammar.ast.WindowDefinition d : spec.windows()) {
                    if (d.name().equals(w.existingWindow())) {
                        partition = d.specification().partitionBy();
                    }
                }
            }
            boolean byDistribution = false;
            for (Expression e : partition) {
                byDistribution |= isDistributionColumn.test(e);
            }
            if (!byDistribution) {
                return false;
            }
        }
        return true;
    }

    /** An ORDER BY / GROUP BY ordinal or output-name reference as the select item's expression; else itself. */
    private Expression resolveOutputReference(Expression e) {
        if (e instanceof ColumnReference c && c.name().parts().size() == 1) {
            for (SelectItem item : spec.selectItems()) {
                if (item instanceof SingleColumn s && c.name().last().equals(s.alias())) {
                    return s.expression();
                }
            }
        }
        if (e instanceof IntegerLiteral literal) {
            int k = Integer.parseInt(literal.text());
            if (k >= 1 && k <= spec.selectItems().size() && spec.selectItems().get(k - 1) instanceof SingleColumn c) {
                return c.expression();
            }
        }
        return e;
    }

    private boolean isOutputReference(Expression e) {
        if (e instanceof IntegerLiteral) {
            return true;
        }
        if (e instanceof ColumnReference c && c.name().parts().size() == 1) {
            for (SelectItem item : spec.selectItems()) {
                if (item instanceof SingleColumn s && c.name().last().equals(s.alias())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The worker column an ORDER BY item of a non-split block names, or null when it is not an output column. */
    private Expression outputReference(Expression e) {
        if (e instanceof IntegerLiteral literal) {
            return column(Integer.parseInt(literal.text()) - 1);
        }
        List<SelectItem> items = spec.selectItems();
        if (e instanceof ColumnReference c && c.name().parts().size() == 1) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof SingleColumn s && c.name().last().equals(s.alias())) {
                    return column(i);
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof SingleColumn s && AstComparison.equalsIgnoringPositions(s.expression(), e)) {
                return column(i);
            }
        }
        return null;
    }
}
