package io.shale.engine.rebalance;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.citus.DistributionContext;
import io.shale.engine.function.FunctionDefinition;
import io.shale.engine.function.FunctionKind;
import io.shale.engine.function.ScalarFunction;
import io.shale.engine.function.Volatility;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL functions that execute a rebalance (citus.md §1.6, §7.3, §7.4): rebalance_table_shards (0–7 arguments),
 * citus_rebalance_start (0–5), citus_drain_node (2–4) and get_rebalance_progress(); pg_proc oids from
 * {@link #FIRST_OID}. The job functions of the background rebalance (status, wait, stop) are in engine/jobs.
 */
final class RebalanceRunFunctions {
    private static final long FIRST_OID = 1_000_280_000L;

    private final List<FunctionDefinition> definitions = new ArrayList<>();

    private RebalanceRunFunctions() {
    }

    static List<FunctionDefinition> definitions() {
        RebalanceRunFunctions f = new RebalanceRunFunctions();
        f.register();
        return f.definitions;
    }

    private void register() {
        List<SqlType> rebalance = List.of(SqlType.REGCLASS, SqlType.FLOAT4, SqlType.INT4, SqlType.INT8_ARRAY,
                SqlType.TEXT, SqlType.BOOL, SqlType.NAME);
        prefixes("rebalance_table_shards", rebalance, 0, SqlType.VOID, (c, a) -> {
            notNull(a, 2, "max_shard_moves");
            notNull(a, 3, "excluded_shard_list");
            notNull(a, 4, "shard_transfer_mode");
            notNull(a, 5, "drain_only");
            DistributionContext context = RebalanceFunctions.distribution(c);
            RebalanceOptions options = RebalancePlanning.options(context, arg(a, 0) == null ? 0
                            : ((Number) a[0]).intValue(), arg(a, 1) == null ? Float.NaN : (Float) a[1],
                    arg(a, 2) == null ? 1_000_000 : (Integer) a[2], RebalanceFunctions.excluded(arg(a, 3)),
                    arg(a, 5) != null && (Boolean) a[5], Float.NaN);
            String mode = RebalanceChecks.transferMode(arg(a, 4));
            new ForegroundRebalance(context, c.currentUserOid()).run(options, (String) arg(a, 6), mode);
            return null;
        });
        List<SqlType> start = List.of(SqlType.NAME, SqlType.BOOL, SqlType.TEXT, SqlType.BOOL, SqlType.BOOL);
        prefixes("citus_rebalance_start", start, 0, SqlType.INT8, (c, a) -> {
            notNull(a, 1, "drain_only");
            notNull(a, 2, "shard_transfer_mode");
            notNull(a, 3, "parallel_transfer_reference_tables");
            notNull(a, 4, "parallel_transfer_colocated_shards");
            String mode = RebalanceChecks.transferMode(arg(a, 2));
            return BackgroundRebalance.start(RebalanceFunctions.distribution(c), c.currentUserOid(),
                    (String) arg(a, 0), Boolean.TRUE.equals(arg(a, 1)), mode, Boolean.TRUE.equals(arg(a, 4)));
        });
        List<SqlType> drain = List.of(SqlType.TEXT, SqlType.INT4, SqlType.TEXT, SqlType.NAME);
        prefixes("citus_drain_node", drain, 2, SqlType.VOID, (c, a) -> {
            notNull(a, 0, "nodename");
            notNull(a, 1, "nodeport");
            notNull(a, 2, "shard_transfer_mode");
            DrainNode.drain(RebalanceFunctions.distribution(c), c.currentUserOid(), (String) a[0], (Integer) a[1],
                    RebalanceChecks.transferMode(arg(a, 2)), (String) arg(a, 3));
            return null;
        });
        definitions.add(new FunctionDefinition("get_rebalance_progress", FIRST_OID + definitions.size(), List.of(),
                false, SqlType.RECORD, new FunctionKind.SetReturning((c, a) ->
                RebalanceProgressRows.rows(RebalanceFunctions.distribution(c)).iterator(),
                RebalanceProgressRows.COLUMNS, RebalanceProgressRows.TYPES), false, Volatility.VOLATILE));
    }

    /** One overload per prefix of {@code arguments} from {@code required} arguments on. */
    private void prefixes(String name, List<SqlType> arguments, int required, SqlType result, ScalarFunction body) {
        for (int n = required; n <= arguments.size(); n++) {
            definitions.add(new FunctionDefinition(name, FIRST_OID + definitions.size(), arguments.subList(0, n), false,
                    result, new FunctionKind.Scalar(body), false, Volatility.VOLATILE));
        }
    }

    /** Citus's check of an argument given as NULL: {@code <name> cannot be NULL}. */
    private static void notNull(Object[] a, int index, String name) {
        if (index < a.length && a[index] == null) {
            throw new ShaleException(ErrorCode.NULL_VALUE_NOT_ALLOWED, name + " cannot be NULL");
        }
    }

    private static Object arg(Object[] a, int index) {
        return index < a.length ? a[index] : null;
    }
}
