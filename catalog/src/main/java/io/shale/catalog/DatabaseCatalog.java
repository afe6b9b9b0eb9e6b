package io.shale.catalog;

import io.shale.catalog.distribution.ColocationGroup;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one database, immutable: schemas, relations, constraints, enum types, comments
 * and the distribution metadata (Citus tables, shards, placements, colocation groups, tenant
 * schemas), with the look-ups the engine needs.
 */
public final class DatabaseCatalog {
    private final int databaseOid;
    private final Map<Integer, Namespace> namespaces;
    private final Map<String, Namespace> namespacesByName;
    private final Map<Integer, Relation> relations;
    private final Map<String, Relation> relationsByName;
    private final Map<Integer, List<Index>> indexesByTable;
    private final Map<Integer, Constraint> constraints;
    private final Map<Integer, List<Constraint>> constraintsByTable;
    private final Map<Integer, EnumType> types;
    private final Map<String, EnumType> typesByName;
    private final List<Comment> comments;
    private final DistributionMetadata distribution;
    private final Map<Integer, Acl> acls;
    private final List<DefaultAcl> defaultAcls;

    DatabaseCatalog(int databaseOid, Collection<Namespace> namespaces, Collection<Relation> relations,
                    Collection<Constraint> constraints, Collection<EnumType> types,
                    Collection<Comment> comments, DistributionMetadata distribution, Map<Integer, Acl> acls,
                    Collection<DefaultAcl> defaultAcls) {
        this.databaseOid = databaseOid;
        this.acls = Map.copyOf(acls);
        List<DefaultAcl> d = new ArrayList<>(defaultAcls);
        d.sort(Comparator.comparingInt(DefaultAcl::oid));
        this.defaultAcls = List.copyOf(d);
        this.distribution = distribution;
        Map<Integer, Namespace> ns = new HashMap<>();
        Map<String, Namespace> nsByName = new HashMap<>();
        for (Namespace n : namespaces) {
            ns.put(n.oid(), n);
            nsByName.put(n.name(), n);
        }
        Map<Integer, Relation> rel = new HashMap<>();
        Map<String, Relation> relByName = new HashMap<>();
        Map<Integer, List<Index>> idx = new HashMap<>();
        for (Relation r : relations) {
            rel.put(r.oid(), r);
            relByName.put(nameKey(r.namespaceOid(), r.name()), r);
            if (r instanceof Index i) {
                idx.computeIfAbsent(i.tableOid(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, Constraint> con = new HashMap<>();
        Map<Integer, List<Constraint>> conByTable = new HashMap<>();
        for (Constraint c : constraints) {
            con.put(c.oid(), c);
            conByTable.computeIfAbsent(c.tableOid(), k -> new ArrayList<>()).add(c);
        }
        Map<Integer, EnumType> ty = new HashMap<>();
        Map<String, EnumType> tyByName = new HashMap<>();
        for (EnumType t : types) {
            ty.put(t.oid(), t);
            tyByName.put(nameKey(t.namespaceOid(), t.name()), t);
        }
        this.namespaces = Map.copyOf(ns);
        this.namespacesByName = Map.copyOf(nsByName);
        this.relations = Map.copyOf(rel);
        this.relationsByName = Map.copyOf(relByName);
        idx.replaceAll((k, v) -> List.copyOf(v));
        this.indexesByTable = Map.copyOf(idx);
        this.constraints = Map.copyOf(con);
        conByTable.replaceAll((k, v) -> List.copyOf(v));
        this.constraintsByTable = Map.copyOf(conByTable);
        this.types = Map.copyOf(ty);
        this.typesByName = Map.copyOf(tyByName);
        this.comments = List.copyOf(comments);
    }

    static String nameKey(int namespaceOid, String name) {
        return namespaceOid + "." + name;
    }

    public int databaseOid() {
        return databaseOid;
    }

    public Namespace namespace(int oid) {
        return namespaces.get(oid);
    }

    public Namespace namespace(String name) {
        return namespacesByName.get(name);
    }

    public Collection<Namespace> namespaces() {
        return namespaces.values();
    }

    public Relation relation(int oid) {
        return relations.get(oid);
    }

    public Relation relation(int namespaceOid, String name) {
        return relationsByName.get(nameKey(namespaceOid, name));
    }

    public Collection<Relation> relations() {
        return relations.values();
    }

    /** The indexes of a table, primary key first then by oid. */
    public List<Index> indexesOf(int tableOid) {
        return indexesByTable.getOrDefault(tableOid, List.of());
    }

    public Constraint constraint(int oid) {
        return constraints.get(oid);
    }

    public Collection<Constraint> constraints() {
        return constraints.values();
    }

    public List<Constraint> constraintsOf(int tableOid) {
        return constraintsByTable.getOrDefault(tableOid, List.of());
    }

    /** Foreign keys of any table that reference {@code tableOid}. */
    public List<Constraint> foreignKeysReferencing(int tableOid) {
        List<Constraint> result = new ArrayList<>();
        for (Constraint c : constraints.values()) {
            if (c.type() == 'f' && c.referencedTable() == tableOid) {
                result.add(c);
            }
        }
        return result;
    }

    public EnumType enumType(int oid) {
        return types.get(oid);
    }

    public EnumType enumType(int namespaceOid, String name) {
        return typesByName.get(nameKey(namespaceOid, name));
    }

    public Collection<EnumType> enumTypes() {
        return types.values();
    }

    public List<Comment> comments() {
        return comments;
    }

    /** The comment on an object, or null. */
    public String comment(int objectOid, int classOid, int subId) {
        for (Comment c : comments) {
            if (c.objectOid() == objectOid && c.classOid() == classOid && c.subId() == subId) {
                return c.text();
            }
        }
        return null;
    }

    /**
     * The ACL of a relation, sequence, schema or function of this database ({@code relacl},
     * {@code nspacl}), or null when it has PostgreSQL's default ACL.
     */
    public Acl acl(int objectOid) {
        return acls.get(objectOid);
    }

    /** The pg_default_acl rows of this database, in oid order. */
    public List<DefaultAcl> defaultAcls() {
        return defaultAcls;
    }

    /**
     * The relation whose owner and ACL judge access to {@code relationOid}: the distributed (shell) table
     * of a shard relation, else the relation itself; null when there is no such relation.
     */
    public Relation privilegeRelation(int relationOid) {
        if (!distribution.shardsByShardRelation.isEmpty()) {
            Shard shard = distribution.shardsByShardRelation.get(relationOid);
            if (shard != null) {
                Relation shell = relations.get(shard.relationOid());
                if (shell != null) {
                    return shell;
                }
            }
        }
        return relations.get(relationOid);
    }

    Map<Integer, Acl> aclMap() {
        return acls;
    }

    /** The Citus metadata of a table ({@code pg_dist_partition} row), or null for a plain local table. */
    public DistributedTable distributedTable(int relationOid) {
        return distribution.tables.get(relationOid);
    }

    /** Every Citus table, in relation oid order. */
    public List<DistributedTable> distributedTables() {
        return DistributionMetadata.sortedCopy(distribution.tables.values(),
                Comparator.comparingInt(DistributedTable::relationOid));
    }

    /** The Citus tables of a colocation group, in relation oid order. */
    public List<DistributedTable> colocatedTables(int colocationId) {
        List<DistributedTable> result = new ArrayList<>();
        for (DistributedTable t : distribution.tables.values()) {
            if (t.colocationId() == colocationId) {
                result.add(t);
            }
        }
        result.sort(Comparator.comparingInt(DistributedTable::relationOid));
        return result;
    }

    /** The shards of a Citus table sorted by shard id (for hash tables, by range); empty when none. */
    public List<Shard> shards(int relationOid) {
        return distribution.shardsByRelation.getOrDefault(relationOid, List.of());
    }

    /** Every shard of the database, in no particular order. */
    public Collection<Shard> allShards() {
        return distribution.shards.values();
    }

    public Shard shard(long shardId) {
        return distribution.shards.get(shardId);
    }

    /** The shard whose rows the relation {@code <table>_<shardid>} holds, or null when it is not a shard relation. */
    public Shard shardOfRelation(int shardRelationOid) {
        return distribution.shardsByShardRelation.get(shardRelationOid);
    }

    /** The placements of a shard in placement id order; empty when none. */
    public List<ShardPlacement> placements(long shardId) {
        return distribution.placementsByShard.getOrDefault(shardId, List.of());
    }

    /** Every placement of the database, in no particular order. */
    public Collection<ShardPlacement> allPlacements() {
        return distribution.placements.values();
    }

    /** Whether the group holds a placement of the shard. */
    public boolean hasPlacement(long shardId, int groupId) {
        for (ShardPlacement p : placements(shardId)) {
            if (p.groupId() == groupId) {
                return true;
            }
        }
        return false;
    }

    /** The shard a relation belongs to: the shard of a shard table or of an index on one; null for other relations. */
    public Shard shardOfRelationOrIndex(Relation relation) {
        Shard shard = distribution.shardsByShardRelation.get(relation.oid());
        if (shard == null && relation instanceof Index index) {
            shard = distribution.shardsByShardRelation.get(index.tableOid());
        }
        return shard;
    }

    /**
     * Whether name look-ups on the node of group {@code groupId} find the relation: every relation but a
     * shard relation (or its index) of a shard without a placement in that group.
     */
    public boolean resolvableOn(Relation relation, int groupId) {
        if (distribution.shardsByShardRelation.isEmpty()) {
            return true;
        }
        Shard shard = shardOfRelationOrIndex(relation);
        return shard == null || hasPlacement(shard.shardId(), groupId);
    }

    public ColocationGroup colocationGroup(int colocationId) {
        return distribution.colocationGroups.get(colocationId);
    }

    /** Every colocation group, in colocation id order. */
    public List<ColocationGroup> colocationGroups() {
        return DistributionMetadata.sortedCopy(distribution.colocationGroups.values(),
                Comparator.comparingInt(ColocationGroup::colocationId));
    }

    /** The tenant schema row of a schema, or null when the schema is not distributed. */
    public DistributedSchema distributedSchema(int schemaOid) {
        return distribution.schemas.get(schemaOid);
    }

    /** Every tenant schema, in schema oid order. */
    public List<DistributedSchema> distributedSchemas() {
        return DistributionMetadata.sortedCopy(distribution.schemas.values(),
                Comparator.comparingInt(DistributedSchema::schemaOid));
    }

    /** Every {@code pg_dist_cleanup} row, in record id order. */
    public List<io.shale.catalog.distribution.CleanupRecord> cleanupRecords() {
        return DistributionMetadata.sortedCopy(distribution.cleanups.values(),
                Comparator.comparingLong(io.shale.catalog.distribution.CleanupRecord::recordId));
    }

    /** The next shard id {@code pg_dist_shardid_seq} hands out (starts at 102008). */
    public long nextShardId() {
        return distribution.nextShardId;
    }

    /** The next placement id {@code pg_dist_placement_placementid_seq} hands out (starts at 1). */
    public long nextPlacementId() {
        return distribution.nextPlacementId;
    }

    /** The next colocation id {@code pg_dist_colocationid_seq} hands out (starts at 1). */
    public int nextColocationId() {
        return distribution.nextColocationId;
    }

    /** The pg_dist_rebalance_strategy rows: those stored, or Citus's built-in ones when none are. */
    public List<io.shale.catalog.distribution.RebalanceStrategy> rebalanceStrategies() {
        return distribution.strategies.isEmpty() ? io.shale.catalog.distribution.RebalanceStrategy.BUILT_IN
                : distribution.strategies;
    }

    DistributionMetadata distribution() {
        return distribution;
    }

    Map<Integer, Namespace> namespaceMap() {
        return namespaces;
    }

    Map<Integer, Relation> relationMap() {
        return relations;
    }

    Map<Integer, Constraint> constraintMap() {
        return constraints;
    }

    Map<Integer, EnumType> typeMap() {
        return types;
    }
}
