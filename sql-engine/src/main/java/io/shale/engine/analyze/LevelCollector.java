package io.shale.engine.analyze;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.plan.AggregateCall;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.SortKey;
import io.shale.engine.plan.WindowCall;
import io.shale.grammar.ast.FrameBound;
import io.shale.grammar.ast.FunctionCall;
import io.shale.grammar.ast.NullOrdering;
import io.shale.grammar.ast.SortItem;
import io.shale.grammar.ast.SortOrder;
import io.shale.grammar.ast.WindowDefinition;
import io.shale.grammar.ast.WindowFrame;
import io.shale.grammar.ast.WindowSpecification;

import java.util.ArrayList;
import java.util.List;

/** Collects the aggregate and window calls of one SELECT level. */
final class LevelCollector implements ExpressionAnalyzer.Collector {
    private final ExpressionAnalyzer expressions;
    private final Scope scope;
    private final List<WindowDefinition> namedWindows;
    final List<AggregateCall> aggregates = new ArrayList<>();
    List<WindowCall> windows = new ArrayList<>();

    LevelCollector(ExpressionAnalyzer expressions, Scope scope, List<WindowDefinition> namedWindows) {
        this.expressions = expressions;
        this.scope = scope;
        this.namedWindows = namedWindows;
    }

    @Override
    public Scope inputScope() {
        return scope;
    }

    @Override
    public Expr aggregate(FunctionCall call, ResolvedFunction function, List<Expr> arguments, Scope where) {
        if (where != scope) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "aggregates of an outer query level are not supported")
                    .withPosition(call.position());
        }
        ExpressionAnalyzer.Clause plain = new ExpressionAnalyzer.Clause("aggregate function calls", null);
        List<SortKey> order = sortKeys(call.orderBy(), plain);
        Expr filter = call.filter() == null ? null : expressions.coercion.condition(
                expressions.analyze(call.filter(), scope, new ExpressionAnalyzer.Clause("FILTER", null)), "FILTER",
                call.position());
        AggregateCall aggregate = new AggregateCall(function.name(), function.aggregate(), arguments,
                types(arguments), call.distinct(), order, filter, function.strict(), function.returnType());
        int index = aggregates.indexOf(aggregate);
        if (index < 0) {
            aggregates.add(aggregate);
            index = aggregates.size() - 1;
        }
        return new Expr.AggregateRef(index, function.returnType());
    }

    @Override
    public Expr window(FunctionCall call, ResolvedFunction function, List<Expr> arguments, Scope where) {
        WindowSpecification spec = resolve(call.window());
        ExpressionAnalyzer.Clause inner = new ExpressionAnalyzer.Clause("window definitions", this);
        List<Expr> partition = expressions.analyzeAll(spec.partitionBy(), scope, inner);
        List<SortKey> order = sortKeys(spec.orderBy(), inner);
        Expr filter = call.filter() == null ? null : expressions.coercion.condition(
                expressions.analyze(call.filter(), scope, new ExpressionAnalyzer.Clause("FILTER", null)), "FILTER",
                call.position());
        WindowCall.Frame frame = frame(spec.frame(), order.isEmpty());
        WindowCall w = new WindowCall(function.name(), function.window(),
                function.kind() == ResolvedFunction.Kind.AGGREGATE ? function.aggregate() : null,
                arguments, types(arguments), filter, partition, order, frame, function.strict(), function.returnType());
        windows.add(w);
        return new Expr.WindowRef(windows.size() - 1, function.returnType());
    }

    /** After grouping, window arguments, partitions and orders read the grouped row. */
    void rewriteWindows(GroupRewriter rewriter) {
        List<WindowCall> rewritten = new ArrayList<>();
        for (WindowCall w : windows) {
            List<SortKey> order = new ArrayList<>();
            for (SortKey k : w.orderBy()) {
                order.add(new SortKey(rewriter.rewrite(k.expression()), k.descending(), k.nullsFirst()));
            }
            rewritten.add(new WindowCall(w.name(), w.windowFunction(), w.aggregate(), rewriter.rewriteAll(w.arguments()),
                    w.argumentTypes(), w.filter() == null ? null : rewriter.rewrite(w.filter()),
                    rewriter.rewriteAll(w.partitionBy()), order, w.frame(), w.strict(), w.type()));
        }
        windows = rewritten;
    }

    private WindowSpecification resolve(WindowSpecification spec) {
        if (spec.existingWindow() == null) {
            return spec;
        }
        for (WindowDefinition d : namedWindows) {
            if (d.name().equals(spec.existingWindow())) {
                WindowSpecification base = resolve(d.specification());
                return new WindowSpecification(null, base.partitionBy(),
                        spec.orderBy().isEmpty() ? base.orderBy() : spec.orderBy(),
                        spec.frame() != null ? spec.frame() : base.frame());
            }
        }
        throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "window \"" + spec.existingWindow() + "\" does not exist");
    }

    private WindowCall.Frame frame(WindowFrame frame, boolean unordered) {
        if (frame == null) {
            return unordered ? new WindowCall.Frame(WindowCall.FrameMode.RANGE,
                    new WindowCall.Bound(WindowCall.BoundKind.UNBOUNDED_PRECEDING, null),
                    new WindowCall.Bound(WindowCall.BoundKind.UNBOUNDED_FOLLOWING, null))
                    : WindowCall.Frame.defaultFrame();
        }
        WindowCall.FrameMode mode = switch (frame.mode()) {
            case ROWS -> WindowCall.FrameMode.ROWS;
            case RANGE -> WindowCall.FrameMode.RANGE;
            case GROUPS -> WindowCall.FrameMode.GROUPS;
        };
        WindowCall.Bound end = frame.end() == null ? new WindowCall.Bound(WindowCall.BoundKind.CURRENT_ROW, null) : bound(frame.end());
        return new WindowCall.Frame(mode, bound(frame.start()), end);
    }

    private WindowCall.Bound bound(FrameBound b) {
        WindowCall.BoundKind kind = switch (b.type()) {
            case UNBOUNDED_PRECEDING -> WindowCall.BoundKind.UNBOUNDED_PRECEDING;
            case PRECEDING -> WindowCall.BoundKind.PRECEDING;
            case CURRENT_ROW -> WindowCall.BoundKind.CURRENT_ROW;
            case FOLLOWING -> WindowCall.BoundKind.FOLLOWING;
            case UNBOUNDED_FOLLOWING -> WindowCall.BoundKind.UNBOUNDED_FOLLOWING;
        };
        Expr offset = b.offset() == null ? null : expressions.coercion.coerce(
                expressions.analyze(b.offset(), Scope.empty(null), new ExpressionAnalyzer.Clause("window frame", null)),
                SqlType.INT8, TypeCoercion.Mode.IMPLICIT, 0);
        return new WindowCall.Bound(kind, offset);
    }

    private List<SortKey> sortKeys(List<SortItem> items, ExpressionAnalyzer.Clause clause) {
        List<SortKey> keys = new ArrayList<>();
        for (SortItem s : items) {
            Expr e = expressions.analyze(s.expression(), scope, clause);
            boolean descending = s.order() == SortOrder.DESC;
            boolean nullsFirst = s.nullOrdering() == NullOrdering.FIRST || s.nullOrdering() != NullOrdering.LAST && descending;
            keys.add(new SortKey(e, descending, nullsFirst));
        }
        return keys;
    }

    private static List<SqlType> types(List<Expr> exprs) {
        List<SqlType> types = new ArrayList<>();
        for (Expr e : exprs) {
            types.add(e.type());
        }
        return types;
    }
}
