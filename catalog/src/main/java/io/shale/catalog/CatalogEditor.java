package io.shale.catalog;

import io.shale.catalog.distribution.CleanupRecord;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.ColocationGroup;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the next {@link Catalog} version from a base one. Not thread-safe; used by one DDL
 * statement (or one transaction's DDL) at a time.
 */
public final class CatalogEditor {
    private final Catalog base;
    private int nextOid;
    private long nextStorageId;
    private final Map<Integer, Role> roles;
    private final List<RoleMembership> memberships;
    private final Map<Integer, Database> databases;
    private final Map<Integer, DatabaseCatalog> contents;
    private final Map<Integer, Objects> edited = new HashMap<>();
    private final Map<Integer, ClusterNode> nodes = new HashMap<>();
    private int nextNodeId;
    private int nextGroupId;
    private final Map<Integer, Acl> databaseAcls;

    CatalogEditor(Catalog base) {
        this.base = base;
        this.databaseAcls = new HashMap<>(base.databaseAcls());
        for (ClusterNode n : base.nodes()) {
            nodes.put(n.nodeId(), n);
        }
        this.nextNodeId = base.nextNodeId();
        this.nextGroupId = base.nextGroupId();
        this.nextOid = base.nextOid();
        this.nextStorageId = base.nextStorageId();
        this.roles = new HashMap<>();
        for (Role r : base.roles()) {
            roles.put(r.oid(), r);
        }
        this.memberships = new ArrayList<>(base.memberships());
        this.databases = new HashMap<>();
        for (Database d : base.databases()) {
            databases.put(d.oid(), d);
        }
        this.contents = new HashMap<>(base.contents());
    }

    /** A new object id, unique in the cluster. */
    public int newOid() {
        return nextOid++;
    }

    /** A new key prefix for a table's or index's data in the store. */
    public long newStorageId() {
        return nextStorageId++;
    }

    public Catalog base() {
        return base;
    }

    public void putRole(Role role) {
        roles.put(role.oid(), role);
    }

    public void dropRole(int oid) {
        roles.remove(oid);
        memberships.removeIf(m -> m.roleOid() == oid || m.memberOid() == oid);
    }

    public void addMembership(RoleMembership membership) {
        memberships.removeIf(m -> m.roleOid() == membership.roleOid() && m.memberOid() == membership.memberOid());
        memberships.add(membership);
    }

    public void removeMembership(int roleOid, int memberOid) {
        memberships.removeIf(m -> m.roleOid() == roleOid && m.memberOid() == memberOid);
    }

    /** Adds a database with the built-in schemas pg_catalog, public, information_schema, pg_toast. */
    public void createDatabase(Database database) {
        databases.put(database.oid(), database);
        Objects objects = new Objects(database.oid());
        objects.namespaces.put(Catalog.PG_CATALOG_NAMESPACE, new Namespace(Catalog.PG_CATALOG_NAMESPACE,
                database.oid(), "pg_catalog", Catalog.BOOTSTRAP_SUPERUSER));
        objects.namespaces.put(Catalog.PG_TOAST_NAMESPACE, new Namespace(Catalog.PG_TOAST_NAMESPACE,
                database.oid(), "pg_toast", Catalog.BOOTSTRAP_SUPERUSER));
        objects.namespaces.put(Catalog.PUBLIC_NAMESPACE, new Namespace(Catalog.PUBLIC_NAMESPACE,
                database.oid(), "public", database.ownerOid()));
        objects.namespaces.put(Catalog.INFORMATION_SCHEMA_NAMESPACE, new Namespace(
                Catalog.INFORMATION_SCHEMA_NAMESPACE, database.oid(), "information_schema",
                Catalog.BOOTSTRAP_SUPERUSER));
        edited.put(database.oid(), objects);
    }

    /** Adds a database whose objects are copied from a template database. */
    public void createDatabase(Database database, int templateOid) {
        databases.put(database.oid(), database);
        Objects objects = objectsOf(templateOid).copyFor(database.oid());
        edited.put(database.oid(), objects);
    }

    public void dropDatabase(int oid) {
        databases.remove(oid);
        databaseAcls.remove(oid);
        contents.remove(oid);
        edited.remove(oid);
    }

    public void putDatabase(Database database) {
        databases.put(database.oid(), database);
    }

    public void putNamespace(int databaseOid, Namespace namespace) {
        objectsOf(databaseOid).namespaces.put(namespace.oid(), namespace);
    }

    public void dropNamespace(int databaseOid, int namespaceOid) {
        Objects objects = objectsOf(databaseOid);
        objects.namespaces.remove(namespaceOid);
        objects.acls.remove(namespaceOid);
        objects.defaultAcls.values().removeIf(d -> d.namespaceOid() == namespaceOid);
    }

    /** Sets the ACL of a relation, sequence, schema or function; null restores the default. */
    public void setAcl(int databaseOid, int objectOid, Acl acl) {
        Objects objects = objectsOf(databaseOid);
        if (acl == null) {
            objects.acls.remove(objectOid);
        } else {
            objects.acls.put(objectOid, acl);
        }
    }

    /** Sets the ACL of a database ({@code datacl}); null restores the default. */
    public void setDatabaseAcl(int databaseOid, Acl acl) {
        if (acl == null) {
            databaseAcls.remove(databaseOid);
        } else {
            databaseAcls.put(databaseOid, acl);
        }
    }

    /** Adds or replaces a pg_default_acl row (by oid). */
    public void putDefaultAcl(int databaseOid, DefaultAcl defaultAcl) {
        objectsOf(databaseOid).defaultAcls.put(defaultAcl.oid(), defaultAcl);
    }

    public void removeDefaultAcl(int databaseOid, int defaultAclOid) {
        objectsOf(databaseOid).defaultAcls.remove(defaultAclOid);
    }

    public void putRelation(int databaseOid, Relation relation) {
        objectsOf(databaseOid).relations.put(relation.oid(), relation);
    }

    public void dropRelation(int databaseOid, int relationOid) {
        Objects objects = objectsOf(databaseOid);
        objects.relations.remove(relationOid);
        objects.acls.remove(relationOid);
        objects.comments.removeIf(c -> c.objectOid() == relationOid);
    }

    public void putConstraint(int databaseOid, Constraint constraint) {
        objectsOf(databaseOid).constraints.put(constraint.oid(), constraint);
    }

    public void dropConstraint(int databaseOid, int constraintOid) {
        objectsOf(databaseOid).constraints.remove(constraintOid);
    }

    public void putEnumType(int databaseOid, EnumType type) {
        objectsOf(databaseOid).types.put(type.oid(), type);
    }

    public void dropEnumType(int databaseOid, int typeOid) {
        objectsOf(databaseOid).types.remove(typeOid);
    }

    /** Sets (or with null text removes) the comment on an object. */
    public void setComment(int databaseOid, Comment comment) {
        List<Comment> comments = objectsOf(databaseOid).comments;
        comments.removeIf(c -> c.objectOid() == comment.objectOid() && c.classOid() == comment.classOid()
                && c.subId() == comment.subId());
        if (comment.text() != null) {
            comments.add(comment);
        }
    }

    /** Adds or replaces a node of the cluster ({@code pg_dist_node} row), by node id. */
    public void putNode(ClusterNode node) {
        nodes.put(node.nodeId(), node);
        nextNodeId = Math.max(nextNodeId, node.nodeId() + 1);
        if (node.groupId() > 0) {
            nextGroupId = Math.max(nextGroupId, node.groupId() + 1);
        }
    }

    public void removeNode(int nodeId) {
        nodes.remove(nodeId);
    }

    /** The nodes as edited so far, sorted by node id. */
    public List<ClusterNode> nodes() {
        return ClusterMetadata.of(nodes.values(), nextNodeId, nextGroupId).nodes();
    }

    /** A new node id ({@code nextval('pg_dist_node_nodeid_seq')}). */
    public int allocateNodeId() {
        return nextNodeId++;
    }

    /** A new group id ({@code nextval('pg_dist_groupid_seq')}). */
    public int allocateGroupId() {
        return nextGroupId++;
    }

    /** Adds or replaces the {@code pg_dist_partition} row of a table. */
    public void putDistributedTable(int databaseOid, DistributedTable table) {
        objectsOf(databaseOid).distributedTables.put(table.relationOid(), table);
    }

    public void removeDistributedTable(int databaseOid, int relationOid) {
        objectsOf(databaseOid).distributedTables.remove(relationOid);
    }

    public void putShard(int databaseOid, Shard shard) {
        objectsOf(databaseOid).shards.put(shard.shardId(), shard);
    }

    /** Removes a shard and its placements. */
    public void removeShard(int databaseOid, long shardId) {
        Objects objects = objectsOf(databaseOid);
        objects.shards.remove(shardId);
        objects.placements.values().removeIf(p -> p.shardId() == shardId);
    }

    public void putPlacement(int databaseOid, ShardPlacement placement) {
        objectsOf(databaseOid).placements.put(placement.placementId(), placement);
    }

    public void removePlacement(int databaseOid, long placementId) {
        objectsOf(databaseOid).placements.remove(placementId);
    }

    public void putColocationGroup(int databaseOid, ColocationGroup group) {
        objectsOf(databaseOid).colocationGroups.put(group.colocationId(), group);
    }

    public void removeColocationGroup(int databaseOid, int colocationId) {
        objectsOf(databaseOid).colocationGroups.remove(colocationId);
    }

    public void putDistributedSchema(int databaseOid, DistributedSchema schema) {
        objectsOf(databaseOid).distributedSchemas.put(schema.schemaOid(), schema);
    }

    public void removeDistributedSchema(int databaseOid, int schemaOid) {
        objectsOf(databaseOid).distributedSchemas.remove(schemaOid);
    }

    /** Replaces the pg_dist_rebalance_strategy rows of a database (all of them, built-in ones included). */
    public void putRebalanceStrategies(int databaseOid, List<io.shale.catalog.distribution.RebalanceStrategy> rows) {
        objectsOf(databaseOid).strategies = List.copyOf(rows);
    }

    /** A new shard id ({@code nextval('pg_dist_shardid_seq')}, from 102008). */
    public long allocateShardId(int databaseOid) {
        return objectsOf(databaseOid).nextShardId++;
    }

    /** A new placement id ({@code nextval('pg_dist_placement_placementid_seq')}, from 1). */
    public long allocatePlacementId(int databaseOid) {
        return objectsOf(databaseOid).nextPlacementId++;
    }

    /** A new colocation id ({@code nextval('pg_dist_colocationid_seq')}, from 1). */
    public int allocateColocationId(int databaseOid) {
        return objectsOf(databaseOid).nextColocationId++;
    }

    public void putCleanupRecord(int databaseOid, CleanupRecord record) {
        objectsOf(databaseOid).cleanups.put(record.recordId(), record);
    }

    public void removeCleanupRecord(int databaseOid, long recordId) {
        objectsOf(databaseOid).cleanups.remove(recordId);
    }

    /** The next value of pg_dist_cleanup_recordid_seq. */
    public long allocateCleanupRecordId(int databaseOid) {
        return objectsOf(databaseOid).nextCleanupRecordId++;
    }

    /** The next value of pg_dist_operationid_seq. */
    public long allocateOperationId(int databaseOid) {
        return objectsOf(databaseOid).nextOperationId++;
    }

    /** The database's objects as edited so far. */
    public DatabaseCatalog objects(int databaseOid) {
        Objects o = edited.get(databaseOid);
        return o == null ? contents.get(databaseOid) : o.freeze();
    }

    private Objects objectsOf(int databaseOid) {
        return edited.computeIfAbsent(databaseOid, oid -> {
            DatabaseCatalog current = contents.get(oid);
            if (current == null) {
                throw new IllegalArgumentException("no database with oid " + oid);
            }
            return Objects.of(current);
        });
    }

    /** The next catalog version. */
    public Catalog build() {
        Map<Integer, DatabaseCatalog> newContents = new HashMap<>(contents);
        for (Map.Entry<Integer, Objects> e : edited.entrySet()) {
            newContents.put(e.getKey(), e.getValue().freeze());
        }
        return new Catalog(base.version() + 1, nextOid, nextStorageId, roles.values(), memberships,
                databases.values(), newContents, ClusterMetadata.of(nodes.values(), nextNodeId, nextGroupId),
                databaseAcls);
    }

    /** Mutable copies of one database's object maps. */
    private static final class Objects {
        final int databaseOid;
        final Map<Integer, Namespace> namespaces = new HashMap<>();
        final Map<Integer, Relation> relations = new HashMap<>();
        final Map<Integer, Constraint> constraints = new HashMap<>();
        final Map<Integer, EnumType> types = new HashMap<>();
        final List<Comment> comments = new ArrayList<>();
        final Map<Integer, DistributedTable> distributedTables = new HashMap<>();
        final Map<Long, Shard> shards = new HashMap<>();
        final Map<Long, ShardPlacement> placements = new HashMap<>();
        final Map<Integer, ColocationGroup> colocationGroups = new HashMap<>();
        final Map<Integer, DistributedSchema> distributedSchemas = new HashMap<>();
        final Map<Integer, Acl> acls = new HashMap<>();
        final Map<Integer, DefaultAcl> defaultAcls = new HashMap<>();
        long nextShardId = DistributionMetadata.EMPTY.nextShardId;
        long nextPlacementId = DistributionMetadata.EMPTY.nextPlacementId;
        int nextColocationId = DistributionMetadata.EMPTY.nextColocationId;
        List<io.shale.catalog.distribution.RebalanceStrategy> strategies = List.of();
        final Map<Long, CleanupRecord> cleanups = new HashMap<>();
        long nextCleanupRecordId = DistributionMetadata.EMPTY.nextCleanupRecordId;
        long nextOperationId = DistributionMetadata.EMPTY.nextOperationId;

        Objects(int databaseOid) {
            this.databaseOid = databaseOid;
        }

        static Objects of(DatabaseCatalog c) {
            Objects o = new Objects(c.databaseOid());
            o.namespaces.putAll(c.namespaceMap());
            o.relations.putAll(c.relationMap());
            o.constraints.putAll(c.constraintMap());
            o.types.putAll(c.typeMap());
            o.comments.addAll(c.comments());
            DistributionMetadata d = c.distribution();
            o.distributedTables.putAll(d.tables);
            o.shards.putAll(d.shards);
            o.placements.putAll(d.placements);
            o.colocationGroups.putAll(d.colocationGroups);
            o.distributedSchemas.putAll(d.schemas);
            o.acls.putAll(c.aclMap());
            for (DefaultAcl a : c.defaultAcls()) {
                o.defaultAcls.put(a.oid(), a);
            }
            o.nextShardId = d.nextShardId;
            o.nextPlacementId = d.nextPlacementId;
            o.nextColocationId = d.nextColocationId;
            o.strategies = d.strategies;
            o.cleanups.putAll(d.cleanups);
            o.nextCleanupRecordId = d.nextCleanupRecordId;
            o.nextOperationId = d.nextOperationId;
            return o;
        }

        Objects copyFor(int newDatabaseOid) {
            Objects o = new Objects(newDatabaseOid);
            for (Namespace n : namespaces.values()) {
                o.namespaces.put(n.oid(), new Namespace(n.oid(), newDatabaseOid, n.name(), n.ownerOid()));
            }
            o.relations.putAll(relations);
            o.constraints.putAll(constraints);
            o.types.putAll(types);
            o.comments.addAll(comments);
            o.acls.putAll(acls);
            o.defaultAcls.putAll(defaultAcls);
            return o;
        }

        DatabaseCatalog freeze() {
            return new DatabaseCatalog(databaseOid, namespaces.values(), relations.values(),
                    constraints.values(), types.values(), comments, new DistributionMetadata(
                    distributedTables.values(), shards.values(), placements.values(), colocationGroups.values(),
                    distributedSchemas.values(), nextShardId, nextPlacementId, nextColocationId, cleanups.values(),
                    nextCleanupRecordId, nextOperationId, strategies), acls,
                    defaultAcls.values());
        }
    }
}
