package io.shale.engine.distributed;

import io.shale.common.types.TypeOids;
import io.shale.engine.system.CatalogFunction;

import java.util.List;
import java.util.function.Supplier;

/**
 * Citus's transaction functions: {@code recover_prepared_transactions()} (the number of prepared transactions it
 * finished) and {@code check_distributed_deadlocks()} (whether a detection pass found and cancelled a deadlock).
 */
public final class TransactionFunctions {
    private static final long FIRST_OID = 1_000_300_000L;

    private TransactionFunctions() {
    }

    /** The functions, calling the node's current cluster hooks. */
    public static List<CatalogFunction> definitions(Supplier<ClusterHooks> cluster) {
        return List.of(
                new CatalogFunction("pg_catalog", "recover_prepared_transactions", FIRST_OID, List.of(), TypeOids.INT4,
                        false, 'v', new CatalogFunction.Scalar((c, a) -> cluster.get().recoverPreparedTransactions())),
                new CatalogFunction("pg_catalog", "check_distributed_deadlocks", FIRST_OID + 1, List.of(), TypeOids.BOOL,
                        false, 'v', new CatalogFunction.Scalar((c, a) -> cluster.get().checkDistributedDeadlocks())));
    }
}
