package io.shale.engine.citus;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Relation;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.HashFunctions;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardIntervalIndex;
import io.shale.catalog.distribution.ShardRange;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.function.EvalContext;
import io.shale.engine.function.FunctionDefinition;
import io.shale.engine.function.FunctionKind;
import io.shale.engine.function.ScalarFunction;
import io.shale.engine.function.Volatility;

import java.util.ArrayList;
import java.util.List;

/**
 * Citus's table distribution functions ({@code reference/citus.md} §1.2): create_distributed_table,
 * create_reference_table, undistribute_table, truncate_local_data_after_distributing_table,
 * worker_hash, get_shard_id_for_distribution_column, shard_name and the citus size functions.
 * Their pg_proc oids are fixed from {@link #FIRST_OID} up.
 */
public final class CitusFunctions {
    /** The first pg_proc oid of these functions (Citus's own are assigned at CREATE EXTENSION). */
    public static final long FIRST_OID = 1_000_200_000L;

    private static final SqlType ANY = SqlType.of(TypeOids.ANY);
    private final List<FunctionDefinition> definitions = new ArrayList<>();

    private CitusFunctions() {
    }

    /** The function definitions for the engine's registry. */
    public static List<FunctionDefinition> definitions() {
        CitusFunctions f = new CitusFunctions();
        f.register();
        return List.copyOf(f.definitions);
    }

    private void register() {
        SqlType regclass = SqlType.REGCLASS;
        SqlType text = SqlType.TEXT;
        ScalarFunction create = (context, args) -> {
            requireOwner(context, args[0]);
            new DistributedTableCreator(distribution(context)).createDistributedTable(oid(args[0]), (String) args[1],
                    args.length > 2 ? (String) args[2] : null, args.length > 3 ? (String) args[3] : null,
                    args.length > 4 ? (Integer) args[4] : null);
            return null;
        };
        add("create_distributed_table", List.of(regclass, text), SqlType.VOID, false, create);
        add("create_distributed_table", List.of(regclass, text, text), SqlType.VOID, false, create);
        add("create_distributed_table", List.of(regclass, text, text, text), SqlType.VOID, false, create);
        add("create_distributed_table", List.of(regclass, text, text, text, SqlType.INT4), SqlType.VOID, false, create);
        add("create_reference_table", List.of(regclass), SqlType.VOID, true, (context, args) -> {
            requireOwner(context, args[0]);
            new DistributedTableCreator(distribution(context)).createReferenceTable(oid(args[0]));
            return null;
        });
        ScalarFunction undistribute = (context, args) -> {
            requireOwner(context, args[0]);
            new TableUndistributor(distribution(context)).undistribute(oid(args[0]));
            return null;
        };
        add("undistribute_table", List.of(regclass), SqlType.VOID, true, undistribute);
        add("undistribute_table", List.of(regclass, SqlType.BOOL), SqlType.VOID, true, undistribute);
        add("truncate_local_data_after_distributing_table", List.of(regclass), SqlType.VOID, true, (context, args) -> {
            requireOwner(context, args[0]);
            new TableUndistributor(distribution(context)).truncateLocalData(oid(args[0]));
            return null;
        });
        add("worker_hash", List.of(ANY), SqlType.INT4, true, ScalarFunction.byArgumentTypes(
                types -> (context, args) -> HashFunctions.hash(types.getFirst(), args[0]),
                (context, args) -> {
                    throw new ShaleException(ErrorCode.UNDEFINED_FUNCTION,
                            "could not identify a hash function for type unknown");
                }));
        add("get_shard_id_for_distribution_column", List.of(regclass), SqlType.INT8, false,
                (context, args) -> shardIdFor(context, args[0], SqlType.UNKNOWN, null));
        add("get_shard_id_for_distribution_column", List.of(regclass, ANY), SqlType.INT8, false,
                ScalarFunction.byArgumentTypes(types -> (context, args) -> shardIdFor(context, args[0], types.get(1), args[1]),
                        (context, args) -> shardIdFor(context, args[0], SqlType.TEXT, args[1])));
        add("shard_name", List.of(regclass, SqlType.INT8), text, true,
                (context, args) -> shardName(context, oid(args[0]), (Long) args[1], true));
        add("shard_name", List.of(regclass, SqlType.INT8, SqlType.BOOL), text, true,
                (context, args) -> shardName(context, oid(args[0]), (Long) args[1], (Boolean) args[2]));
        for (String name : List.of("citus_relation_size", "citus_total_relation_size", "citus_table_size")) {
            ScalarFunction size = (context, args) -> CitusSizes.tableSize(distribution(context), oid(args[0]),
                    name.equals("citus_total_relation_size"), args.length < 2 || (Boolean) args[1]);
            add(name, List.of(regclass), SqlType.INT8, true, size);
            if (!name.equals("citus_table_size")) {
                add(name, List.of(regclass, SqlType.BOOL), SqlType.INT8, true, size);
            }
        }
        ScalarFunction replicate = (context, args) -> {
            new ReferenceTableReplicator(distribution(context)).replicate();
            return null;
        };
        SqlType regnamespace = SqlType.of(TypeOids.REGNAMESPACE);
        add("citus_schema_distribute", List.of(regnamespace), SqlType.VOID, true, (context, args) -> {
            new SchemaDistributor(distribution(context), context.currentUserOid()).distribute(oid(args[0]));
            return null;
        });
        add("citus_schema_undistribute", List.of(regnamespace), SqlType.VOID, true, (context, args) -> {
            new SchemaDistributor(distribution(context), context.currentUserOid()).undistribute(oid(args[0]));
            return null;
        });
        add("replicate_reference_tables", List.of(), SqlType.VOID, false, replicate);
        add("replicate_reference_tables", List.of(text), SqlType.VOID, false, replicate);
        registerMoves(regnamespace);
    }

    /** citus_move_shard_placement, citus_schema_move (both overloads each), citus_cleanup_orphaned_resources. */
    private void registerMoves(SqlType regnamespace) {
        SqlType text = SqlType.TEXT;
        SqlType int4 = SqlType.INT4;
        ScalarFunction byName = (context, args) -> {
            new ShardMover(distribution(context)).move((Long) args[0], (String) args[1], (Integer) args[2],
                    (String) args[3], (Integer) args[4], args.length > 5 ? (String) args[5] : "auto");
            return null;
        };
        add("citus_move_shard_placement", List.of(SqlType.INT8, text, int4, text, int4), SqlType.VOID, true, byName);
        add("citus_move_shard_placement", List.of(SqlType.INT8, text, int4, text, int4, text), SqlType.VOID, true,
                byName);
        ScalarFunction byId = (context, args) -> {
            new ShardMover(distribution(context)).move((Long) args[0], (Integer) args[1], (Integer) args[2],
                    args.length > 3 ? (String) args[3] : "auto");
            return null;
        };
        add("citus_move_shard_placement", List.of(SqlType.INT8, int4, int4), SqlType.VOID, true, byId);
        add("citus_move_shard_placement", List.of(SqlType.INT8, int4, int4, text), SqlType.VOID, true, byId);
        ScalarFunction schemaByName = (context, args) -> {
            new SchemaMover(distribution(context)).move(oid(args[0]), (String) args[1], (Integer) args[2],
                    args.length > 3 ? (String) args[3] : "auto");
            return null;
        };
        add("citus_schema_move", List.of(regnamespace, text, int4), SqlType.VOID, true, schemaByName);
        add("citus_schema_move", List.of(regnamespace, text, int4, text), SqlType.VOID, true, schemaByName);
        ScalarFunction schemaById = (context, args) -> {
            new SchemaMover(distribution(context)).move(oid(args[0]), (Integer) args[1],
                    args.length > 2 ? (String) args[2] : "auto");
            return null;
        };
        add("citus_schema_move", List.of(regnamespace, int4), SqlType.VOID, true, schemaById);
        add("citus_schema_move", List.of(regnamespace, int4, text), SqlType.VOID, true, schemaById);
        add("citus_internal_wait_for_transactions", List.of(SqlType.INT8), SqlType.VOID, true, (context, args) -> {
            distribution(context).awaitRunningTransactions((Long) args[0]);
            return null;
        });
        add("citus_internal_deferred_cleanup", List.of(SqlType.INT8), SqlType.INT8, true,
                (context, args) -> new ShardCleaner(distribution(context)).cleanupBefore((Long) args[0]));
        add("citus_cleanup_orphaned_resources", List.of(), SqlType.VOID, false, (context, args) -> {
            new ShardCleaner(distribution(context)).cleanupAll();
            return null;
        });
    }

    private void add(String name, List<SqlType> arguments, SqlType result, boolean strict, ScalarFunction body) {
        definitions.add(new FunctionDefinition(name, FIRST_OID + definitions.size(), arguments, false, result,
                new FunctionKind.Scalar(body), strict, Volatility.VOLATILE));
    }

    /** Citus's EnsureTableOwner: {@code must be owner of table t} for a role that does not own the relation. */
    private static void requireOwner(EvalContext context, Object relation) {
        if (relation != null) {
            io.shale.engine.access.AccessChecks.requireOwnerOf(context.catalog(), context.databaseOid(),
                    context.currentUserOid(), (int) oid(relation));
        }
    }

    static DistributionContext distribution(EvalContext context) {
        if (context instanceof DistributionContext d) {
            return d;
        }
        throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "Citus table functions are not supported in this context");
    }

    private static long oid(Object value) {
        return ((Number) value).longValue();
    }

    private static Object shardIdFor(EvalContext context, Object relation, SqlType valueType, Object value) {
        if (relation == null) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "relation cannot be NULL");
        }
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        int oid = (int) oid(relation);
        DistributedTable table = objects.distributedTable(oid);
        if (table == null) {
            Relation r = objects.relation(oid);
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "relation " + (r == null ? oid : r.name())
                    + " is not a distributed table");
        }
        List<Shard> shards = objects.shards(oid);
        if (!table.isHashDistributed()) {
            return shards.getFirst().shardId();
        }
        if (value == null) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "distribution value cannot be NULL for tables "
                    + "other than reference tables.");
        }
        SqlType columnType = ((io.shale.catalog.Table) objects.relation(oid)).column(table.distributionAttnum()).type();
        SqlType from = valueType.oid() == TypeOids.UNKNOWN ? SqlType.TEXT : valueType;
        Object converted = from.oid() == columnType.oid() ? value
                : io.shale.engine.exec.TypeOps.cast(value, from, columnType, true, context.formatSettings());
        List<ShardRange> ranges = new ArrayList<>(shards.size());
        for (Shard s : shards) {
            ranges.add(s.range());
        }
        int position = new ShardIntervalIndex(ranges).find(HashFunctions.hash(columnType, converted));
        if (position < 0) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "cannot find shard interval")
                    .withDetail("Hash of the partition column value does not fall into any shards.");
        }
        return shards.get(position).shardId();
    }

    private static Object shardName(EvalContext context, long relationOid, long shardId, boolean skipQualifyPublic) {
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        Relation r = objects.relation((int) relationOid);
        if (r == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "object_name does not reference a valid relation");
        }
        return ShardNaming.shardName(objects, r, shardId, skipQualifyPublic);
    }
}
