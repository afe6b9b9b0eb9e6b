package io.shale.engine.exec;

import io.shale.common.types.SqlType;
import io.shale.engine.function.AggregateFunction;
import io.shale.engine.plan.AggregateCall;
import io.shale.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hash aggregation: one group per distinct key, or exactly one group when there are no keys.
 * Output rows are the key values followed by the aggregate values.
 */
final class AggregateOperator {
    private AggregateOperator() {
    }

    static Operator open(PlanNode.Aggregate node, OperatorFactory factory, ExecContext ctx) {
        Evaluator[] keys = factory.evaluators(node.groupKeys());
        SqlType[] keyTypes = GroupKey.types(node.groupKeys());
        List<AggregateCall> calls = node.aggregates();
        CallPlan[] plans = new CallPlan[calls.size()];
        for (int i = 0; i < plans.length; i++) {
            plans[i] = new CallPlan(calls.get(i), factory);
        }
        Map<GroupKey, GroupState> groups = new LinkedHashMap<>();
        try (Operator input = factory.create(node.input(), ctx)) {
            for (Object[] row = input.next(); row != null; row = input.next()) {
                GroupKey key = new GroupKey(GroupKey.eval(keys, row, ctx), keyTypes);
                GroupState state = groups.get(key);
                if (state == null) {
                    state = new GroupState(plans, ctx);
                    groups.put(key, state);
                }
                state.add(row, ctx);
            }
        }
        if (groups.isEmpty() && keys.length == 0) {
            groups.put(new GroupKey(new Object[0], keyTypes), new GroupState(plans, ctx));
        }
        Iterator<Map.Entry<GroupKey, GroupState>> it = groups.entrySet().iterator();
        return () -> {
            if (!it.hasNext()) {
                return null;
            }
            Map.Entry<GroupKey, GroupState> e = it.next();
            Object[] keyValues = e.getKey().values();
            Object[] out = new Object[keyValues.length + plans.length];
            System.arraycopy(keyValues, 0, out, 0, keyValues.length);
            e.getValue().finish(out, keyValues.length, ctx);
            return out;
        };
    }

    /** The compiled parts of one aggregate call. */
    static final class CallPlan {
        final AggregateCall call;
        final Evaluator[] arguments;
        final Evaluator filter;
        final Evaluator[] orderKeys;
        final SqlType[] argumentTypes;

        CallPlan(AggregateCall call, OperatorFactory factory) {
            this.call = call;
            this.arguments = factory.evaluators(call.arguments());
            this.filter = factory.evaluator(call.filter());
            List<io.shale.engine.plan.Expr> order = new ArrayList<>();
            for (var k : call.orderBy()) {
                order.add(k.expression());
            }
            this.orderKeys = factory.evaluators(order);
            this.argumentTypes = call.argumentTypes().toArray(new SqlType[0]);
        }
    }

    /** The accumulators of one group. */
    private static final class GroupState {
        private final CallPlan[] plans;
        private final AggregateFunction.Accumulator[] accumulators;
        private final Set<GroupKey>[] distinct;
        private final List<Object[][]>[] ordered;

        @SuppressWarnings("unchecked")
        GroupState(CallPlan[] plans, ExecContext ctx) {
            this.plans = plans;
            this.accumulators = new AggregateFunction.Accumulator[plans.length];
            this.distinct = new Set[plans.length];
            this.ordered = new List[plans.length];
            for (int i = 0; i < plans.length; i++) {
                AggregateCall call = plans[i].call;
                accumulators[i] = call.function().create(ctx.session(), call.argumentTypes());
                if (call.distinct()) {
                    distinct[i] = new HashSet<>();
                }
                if (!call.orderBy().isEmpty()) {
                    ordered[i] = new ArrayList<>();
                }
            }
        }

        void add(Object[] row, ExecContext ctx) {
            for (int i = 0; i < plans.length; i++) {
                CallPlan plan = plans[i];
                if (plan.filter != null && !Boolean.TRUE.equals(plan.filter.eval(row, ctx))) {
                    continue;
                }
                Object[] args = GroupKey.eval(plan.arguments, row, ctx);
                if (plan.call.strict() && hasNull(args)) {
                    continue;
                }
                if (distinct[i] != null && !distinct[i].add(new GroupKey(args, plan.argumentTypes))) {
                    continue;
                }
                if (ordered[i] != null) {
                    ordered[i].add(new Object[][] {args, GroupKey.eval(plan.orderKeys, row, ctx)});
                } else {
                    accumulators[i].add(args);
                }
            }
        }

        void finish(Object[] out, int offset, ExecContext ctx) {
            for (int i = 0; i < plans.length; i++) {
                if (ordered[i] != null) {
                    var order = Sorting.comparator(plans[i].call.orderBy(), ctx);
                    ordered[i].sort((a, b) -> order.compare(a[1], b[1]));
                    for (Object[][] entry : ordered[i]) {
                        accumulators[i].add(entry[0]);
                    }
                }
                out[offset + i] = accumulators[i].result();
            }
        }

        private static boolean hasNull(Object[] args) {
            for (Object a : args) {
                if (a == null) {
                    return true;
                }
            }
            return false;
        }
    }
}
