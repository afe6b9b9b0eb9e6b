package io.shale.engine.citus;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.ColocationGroup;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.NodeAddress;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.catalog.distribution.ShardPlacementPolicy;
import io.shale.catalog.distribution.ShardRange;
import io.shale.catalog.distribution.ShardRanges;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code create_distributed_table} and {@code create_reference_table}: checks the arguments with
 * Citus's rules and texts, chooses the colocation group, lays out the shards (ranges, ids,
 * placements) and creates the shard relations in the session's catalog change, then moves the
 * table's existing rows into the shards ({@link ShardDataCopier}).
 */
final class DistributedTableCreator {
    static final int DEFAULT_SHARD_COUNT = 32;

    private final DistributionContext context;
    private final int database;

    DistributedTableCreator(DistributionContext context) {
        this.context = context;
        this.database = context.databaseOid();
    }

    /** The layout of one new shard: its bounds (null for unhashed tables) and the groups of its placements. */
    record ShardLayout(String minValue, String maxValue, List<Integer> groupIds) {
    }

    /**
     * @param column the distribution column, null for a single-shard table
     * @param distributionType null when not given (the default {@code hash})
     * @param shardCount null when not given
     */
    void createDistributedTable(long relationOid, String column, String distributionType, String colocateWith,
                                Integer shardCount) {
        Table shell = shellTable(relationOid);
        if (column == null) {
            if (shardCount != null) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "shard_count can't be specified when the "
                        + "distribution column is null because in that case it's automatically set to 1");
            }
            if (distributionType != null && !distributionType.equals("hash")) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "distribution_type can't be specified when the distribution column is null");
            }
        }
        String method = distributionType == null ? "hash" : distributionType;
        switch (method) {
            case "hash" -> {
            }
            case "range", "append" -> throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    method + " distributed tables are not supported");
            default -> throw new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                    "invalid input value for enum citus.distribution_type: \"" + method + "\"");
        }
        String colocation = colocateWith == null ? "default" : colocateWith;
        boolean colocateWithTable = !colocation.equalsIgnoreCase("default") && !colocation.equalsIgnoreCase("none");
        if (shardCount != null && colocateWithTable) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "Cannot use colocate_with with a table and shard_count at the same time");
        }
        if (shardCount != null && (shardCount < 1 || shardCount > ShardRanges.MAX_SHARD_COUNT)) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, shardCount
                    + " is outside the valid range for parameter \"shard_count\" (1 .. " + ShardRanges.MAX_SHARD_COUNT + ")");
        }
        Column distributionColumn = null;
        if (column != null) {
            distributionColumn = shell.column(column);
            if (distributionColumn == null) {
                throw new ShaleException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \""
                        + shell.name() + "\" does not exist");
            }
            DistributionRules.checkDistributionColumn(shell, distributionColumn);
        }
        new ReferenceTableReplicator(context).replicate();
        CatalogEditor editor = context.editCatalog();
        List<ClusterNode> nodes = nodesWithCoordinator(editor);
        int count = shardCount != null ? shardCount : settingShardCount();
        int replicationFactor = settingInt("citus.shard_replication_factor", 1);
        int typeOid = distributionColumn == null ? 0 : distributionColumn.type().oid();
        int collation = distributionColumn == null ? 0 : DistributionRules.collation(distributionColumn.type());
        if (distributionColumn == null) {
            count = 1;
        }
        DatabaseCatalog objects = editor.objects(database);
        ColocationGroup group;
        DistributedTable source = null;
        if (colocateWithTable) {
            source = colocationSource(objects, colocation, distributionColumn == null, shell);
            group = objects.colocationGroup(source.colocationId());
            if (group.distributionColumnType() != typeOid || group.distributionColumnCollation() != collation) {
                String a = relationName(objects, source.relationOid());
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot colocate tables " + a + " and "
                        + shell.name()).withDetail("Distribution column types don't match for " + a + " and "
                        + shell.name() + ".");
            }
        } else if (colocation.equalsIgnoreCase("default")) {
            group = defaultGroup(objects, count, replicationFactor, typeOid, collation);
            if (group != null) {
                List<DistributedTable> members = objects.colocatedTables(group.colocationId());
                source = members.isEmpty() ? null : members.getFirst();
            }
        } else {
            group = null;
        }
        boolean newGroup = group == null;
        if (newGroup) {
            group = new ColocationGroup(editor.allocateColocationId(database), count, replicationFactor, typeOid,
                    collation);
        }
        List<ShardLayout> layout = source != null ? copyLayout(objects, source)
                : distributionColumn == null ? singleShardLayout(nodes, group.colocationId())
                : hashLayout(nodes, group.shardCount(), replicationFactor);
        DistributedTable table = new DistributedTable(shell.oid(), distributionColumn == null ? 'n' : 'h',
                distributionColumn == null ? 0 : distributionColumn.attnum(), group.colocationId(), 's', false);
        DistributionRules.checkUniqueness(objects, shell, table);
        DistributionRules.checkForeignKeys(objects, shell, table);
        for (var fk : objects.foreignKeysReferencing(shell.oid())) {
            if (fk.tableOid() != shell.oid() && objects.distributedTable(fk.tableOid()) == null) {
                throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot create foreign key constraint since "
                        + "foreign keys from reference tables and local tables to distributed tables are not supported");
            }
        }
        distribute(editor, shell, table, newGroup ? group : null, layout);
    }

    void createReferenceTable(long relationOid) {
        Table shell = shellTable(relationOid);
        CatalogEditor editor = context.editCatalog();
        List<ClusterNode> nodes = nodesWithCoordinator(editor);
        DatabaseCatalog objects = editor.objects(database);
        ColocationGroup group = null;
        for (ColocationGroup g : objects.colocationGroups()) {
            if (g.shardCount() == 1 && g.replicationFactor() == -1 && g.distributionColumnType() == 0) {
                group = g;
                break;
            }
        }
        boolean newGroup = group == null;
        if (newGroup) {
            group = new ColocationGroup(editor.allocateColocationId(database), 1, -1, 0, 0);
        }
        Map<NodeAddress, Integer> candidates = addresses(nodes, false);
        List<Integer> groups = new ArrayList<>();
        for (NodeAddress address : ShardPlacementPolicy.sorted(candidates.keySet())) {
            groups.add(candidates.get(address));
        }
        DistributedTable table = new DistributedTable(shell.oid(), 'n', 0, group.colocationId(), 't', false);
        DistributionRules.checkForeignKeys(objects, shell, table);
        distribute(editor, shell, table, newGroup ? group : null, List.of(new ShardLayout(null, null, groups)));
    }

    /**
     * Makes a table of a distributed schema a single-shard table of the schema's group in the catalog change:
     * pg_dist_partition row, shard and placement (the group's node, or node {@code colocationid mod n} for the
     * group's first table). The shard relations are derived by {@link DistributedDdl}.
     */
    void addTenantTable(CatalogEditor editor, Table shell, ColocationGroup group) {
        if (settingInt("citus.shard_replication_factor", 1) > 1) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "could not create single shard table: citus.shard_replication_factor is greater than 1")
                    .withHint("Consider setting citus.shard_replication_factor to 1 and try again");
        }
        List<ClusterNode> nodes = nodesWithCoordinator(editor);
        DatabaseCatalog objects = editor.objects(database);
        List<DistributedTable> members = objects.colocatedTables(group.colocationId());
        List<ShardLayout> layout = members.isEmpty() ? singleShardLayout(nodes, group.colocationId())
                : copyLayout(objects, members.getFirst());
        editor.putDistributedTable(database, new DistributedTable(shell.oid(), 'n', 0, group.colocationId(), 's', false));
        for (ShardLayout l : layout) {
            Shard shard = new Shard(editor.allocateShardId(database), shell.oid(), editor.newOid(), 't', null, null);
            editor.putShard(database, shard);
            for (int groupId : l.groupIds()) {
                editor.putPlacement(database, new ShardPlacement(editor.allocatePlacementId(database), shard.shardId(),
                        groupId, 1, 0));
            }
        }
    }

    private void distribute(CatalogEditor editor, Table shell, DistributedTable table, ColocationGroup newGroup,
                            List<ShardLayout> layout) {
        if (newGroup != null) {
            editor.putColocationGroup(database, newGroup);
        }
        editor.putDistributedTable(database, table);
        StorageChanges changes = new StorageChanges();
        ShardRelations relations = new ShardRelations(editor, database, changes);
        List<Shard> shards = new ArrayList<>();
        for (ShardLayout l : layout) {
            Shard shard = new Shard(editor.allocateShardId(database), shell.oid(), editor.newOid(), 't', l.minValue(),
                    l.maxValue());
            editor.putShard(database, shard);
            shards.add(shard);
            for (int groupId : l.groupIds()) {
                editor.putPlacement(database, new ShardPlacement(editor.allocatePlacementId(database), shard.shardId(),
                        groupId, 1, 0));
            }
        }
        for (int i = 0; i < shards.size(); i++) {
            relations.sync(shell, shards.get(i), i, false);
        }
        context.catalogChanged(editor.build());
        new ShardDataCopier(context).copyShellRows(shell);
    }

    private Table shellTable(long relationOid) {
        DatabaseCatalog objects = context.catalog().objects(database);
        Relation relation = objects.relation((int) relationOid);
        if (!(relation instanceof Table shell)) {
            throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + (relation == null ? relationOid
                    : relation.name()) + "\" is not a regular or partitioned table");
        }
        if (shell.persistence() == 't') {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot distribute a temporary table");
        }
        if (objects.distributedTable(shell.oid()) != null) {
            throw new ShaleException(ErrorCode.INVALID_TABLE_DEFINITION, "table \"" + shell.name()
                    + "\" is already distributed");
        }
        if (objects.shardOfRelation(shell.oid()) != null) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot distribute relation \"" + shell.name()
                    + "\" because it is a shard of a distributed table");
        }
        return shell;
    }

    /**
     * The nodes of the cluster; on a node that is in no cluster yet, Citus first records this node as the
     * coordinator (group 0, {@code shouldhaveshards} true) so that distributed tables work on one node.
     */
    private List<ClusterNode> nodesWithCoordinator(CatalogEditor editor) {
        if (editor.nodes().isEmpty()) {
            int port = settingInt("port", 5432);
            editor.putNode(new ClusterNode(editor.allocateNodeId(), 0, "localhost", port, "default", true, true,
                    "primary", "default", true, true));
        }
        return editor.nodes();
    }

    /** Candidate nodes for new placements by address, with their group ids. */
    private static Map<NodeAddress, Integer> addresses(List<ClusterNode> nodes, boolean onlyShouldHaveShards) {
        Map<NodeAddress, Integer> result = new HashMap<>();
        for (ClusterNode n : nodes) {
            if (n.isActivePrimary() && (!onlyShouldHaveShards || n.shouldHaveShards())) {
                result.put(n.address(), n.groupId());
            }
        }
        return result;
    }

    private static List<ShardLayout> hashLayout(List<ClusterNode> nodes, int shardCount, int replicationFactor) {
        Map<NodeAddress, Integer> candidates = addresses(nodes, true);
        List<List<NodeAddress>> placed = ShardPlacementPolicy.placeHashShards(candidates.keySet(), shardCount,
                replicationFactor);
        List<ShardRange> ranges = ShardRanges.split(shardCount);
        List<ShardLayout> layout = new ArrayList<>(shardCount);
        for (int i = 0; i < shardCount; i++) {
            List<Integer> groups = new ArrayList<>();
            for (NodeAddress a : placed.get(i)) {
                groups.add(candidates.get(a));
            }
            layout.add(new ShardLayout(ranges.get(i).minText(), ranges.get(i).maxText(), groups));
        }
        return layout;
    }

    private static List<ShardLayout> singleShardLayout(List<ClusterNode> nodes, int colocationId) {
        Map<NodeAddress, Integer> candidates = addresses(nodes, true);
        List<NodeAddress> sorted = ShardPlacementPolicy.sorted(candidates.keySet());
        if (sorted.isEmpty()) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "couldn't find any node to place the shard");
        }
        NodeAddress node = sorted.get(ShardPlacementPolicy.singleShardNodeIndex(colocationId, sorted.size()));
        return List.of(new ShardLayout(null, null, List.of(candidates.get(node))));
    }

    /** A table joining a group with tables takes its first table's bounds and placement groups, shard by shard. */
    private static List<ShardLayout> copyLayout(DatabaseCatalog objects, DistributedTable source) {
        List<ShardLayout> layout = new ArrayList<>();
        for (Shard s : objects.shards(source.relationOid())) {
            List<Integer> groups = new ArrayList<>();
            for (ShardPlacement p : objects.placements(s.shardId())) {
                groups.add(p.groupId());
            }
            layout.add(new ShardLayout(s.minValue(), s.maxValue(), groups));
        }
        return layout;
    }

    /** The lowest colocation group with this configuration that is not a tenant schema's. */
    private static ColocationGroup defaultGroup(DatabaseCatalog objects, int shardCount, int replicationFactor,
                                                int typeOid, int collation) {
        for (ColocationGroup g : objects.colocationGroups()) {
            if (g.shardCount() == shardCount && g.replicationFactor() == replicationFactor
                    && g.distributionColumnType() == typeOid && g.distributionColumnCollation() == collation
                    && !isTenantGroup(objects, g.colocationId()) && !objects.colocatedTables(g.colocationId()).isEmpty()) {
                return g;
            }
        }
        return null;
    }

    private static boolean isTenantGroup(DatabaseCatalog objects, int colocationId) {
        for (var s : objects.distributedSchemas()) {
            if (s.colocationId() == colocationId) {
                return true;
            }
        }
        return false;
    }

    private DistributedTable colocationSource(DatabaseCatalog objects, String name, boolean singleShard, Table shell) {
        Relation relation = RelationNames.resolve(objects, context.currentSchemas(true), name);
        DistributedTable source = relation == null ? null : objects.distributedTable(relation.oid());
        if (source != null && objects.distributedSchema(relation.namespaceOid()) != null) {
            String qualified = namespaceOf(objects, relation).name() + "." + relation.name();
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot colocate tables " + relation.name()
                    + " and " + shell.name())
                    .withDetail("Cannot colocate tables with distributed schema tables by using colocate_with option.")
                    .withHint("Consider using \"CREATE TABLE\" statement to create this table as a single-shard "
                            + "distributed table in the same schema to automatically colocate it with " + qualified);
        }
        boolean fits = source != null && (singleShard ? !source.hasDistributionColumn() && !source.isReferenceTable()
                : source.isHashDistributed());
        if (!fits) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "relation " + name + " should be a "
                    + (singleShard ? "distributed table without a shard key" : "hash distributed table"));
        }
        return source;
    }

    private static String relationName(DatabaseCatalog objects, int oid) {
        Relation r = objects.relation(oid);
        return r == null ? Integer.toString(oid) : r.name();
    }

    private int settingShardCount() {
        int count = settingInt("citus.shard_count", DEFAULT_SHARD_COUNT);
        if (count < 1 || count > ShardRanges.MAX_SHARD_COUNT) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, count
                    + " is outside the valid range for parameter \"shard_count\" (1 .. " + ShardRanges.MAX_SHARD_COUNT + ")");
        }
        return count;
    }

    private int settingInt(String name, int fallback) {
        String value = context.setting(name, true);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter \"" + name
                    + "\": \"" + value + "\"");
        }
    }

    static Namespace namespaceOf(DatabaseCatalog objects, Relation relation) {
        return objects.namespace(relation.namespaceOid());
    }
}
