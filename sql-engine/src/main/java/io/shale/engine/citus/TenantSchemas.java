package io.shale.engine.citus;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.ColocationGroup;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.List;
import java.util.Locale;

/**
 * Schema-based sharding ({@code reference/citus.md} §6): tenant schemas (pg_dist_schema rows with a
 * colocation group of their own) and their tables, which become single-shard tables of the schema's
 * group whatever {@code citus.enable_schema_based_sharding} is when they are created.
 */
public final class TenantSchemas {
    static final String SETTING = "citus.enable_schema_based_sharding";

    private TenantSchemas() {
    }

    /** Whether {@code citus.enable_schema_based_sharding} is on in the session. */
    public static boolean enabled(DistributionContext context) {
        String value = context.setting(SETTING, true);
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1", "t", "y" -> true;
            default -> false;
        };
    }

    /**
     * CREATE SCHEMA with the setting on: refuses schema elements, and makes the new schema a tenant
     * schema unless it is {@code public}.
     */
    public static void onCreateSchema(DistributionContext context, CatalogEditor editor, Namespace schema,
                                      boolean withElements) {
        if (!enabled(context) || schema.name().equals("public")) {
            return;
        }
        if (withElements) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot create distributed schema and table in a single statement")
                    .withHint("SET citus.enable_schema_based_sharding TO off, or create the schema and table in "
                            + "separate commands.");
        }
        register(editor, context.databaseOid(), schema.oid());
    }

    /** Records a tenant schema with a new colocation group of its own (1 shard, replication factor 1). */
    static ColocationGroup register(CatalogEditor editor, int database, int schemaOid) {
        ColocationGroup group = new ColocationGroup(editor.allocateColocationId(database), 1, 1, 0, 0);
        editor.putColocationGroup(database, group);
        editor.putDistributedSchema(database, new DistributedSchema(schemaOid, group.colocationId()));
        return group;
    }

    /** DROP SCHEMA: the schema's pg_dist_schema row and colocation group go with it. */
    public static void onDropSchema(CatalogEditor editor, int database, int schemaOid) {
        DistributedSchema schema = editor.objects(database).distributedSchema(schemaOid);
        if (schema != null) {
            editor.removeDistributedSchema(database, schemaOid);
            editor.removeColocationGroup(database, schema.colocationId());
        }
    }

    /** Whether the schema is a distributed (tenant) schema. */
    public static boolean isDistributed(DatabaseCatalog objects, int schemaOid) {
        return objects.distributedSchema(schemaOid) != null;
    }

    /**
     * Tables of distributed schemas in the catalog change that are not Citus tables yet become tenant
     * tables (metadata, shard and placement; the shard relations follow in {@link DistributedDdl}).
     */
    static void convertNewTables(DistributionContext context, CatalogEditor editor) {
        int database = context.databaseOid();
        DatabaseCatalog objects = editor.objects(database);
        if (objects.distributedSchemas().isEmpty()) {
            return;
        }
        List<Table> candidates = new java.util.ArrayList<>();
        for (Relation r : objects.relations()) {
            if (r instanceof Table t && objects.distributedSchema(t.namespaceOid()) != null
                    && objects.distributedTable(t.oid()) == null && objects.shardOfRelation(t.oid()) == null
                    && t.persistence() != 't') {
                candidates.add(t);
            }
        }
        candidates.sort(java.util.Comparator.comparingInt(Table::oid));
        for (Table t : candidates) {
            DatabaseCatalog now = editor.objects(database);
            DistributedSchema schema = now.distributedSchema(t.namespaceOid());
            new DistributedTableCreator(context).addTenantTable(editor, t, now.colocationGroup(schema.colocationId()));
        }
    }

    /**
     * Rows a new tenant table got in its own storage (CREATE TABLE AS, SELECT INTO, a table moved into a
     * distributed schema) are copied into its shard, with Citus's notices.
     */
    public static void copyLocalRows(DistributionContext context, int tableOid) {
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        if (objects.relation(tableOid) instanceof Table t && objects.distributedSchema(t.namespaceOid()) != null
                && objects.distributedTable(t.oid()) != null) {
            new ShardDataCopier(context).copyShellRows(t);
        }
    }

    /** The tables of a schema, in oid order. */
    static List<Table> tablesOf(DatabaseCatalog objects, int schemaOid) {
        List<Table> tables = new java.util.ArrayList<>();
        for (Relation r : objects.relations()) {
            if (r instanceof Table t && t.namespaceOid() == schemaOid && objects.shardOfRelation(t.oid()) == null
                    && t.persistence() != 't') {
                tables.add(t);
            }
        }
        tables.sort(java.util.Comparator.comparingInt(Table::oid));
        return tables;
    }

    /**
     * ALTER TABLE … SET SCHEMA, before the move: a table leaving a distributed schema is undistributed first
     * (refused when it has foreign keys inside the schema); a distributed table cannot enter one. A plain table
     * entering one is converted when the move commits ({@link #copyLocalRows} then moves its rows).
     */
    public static void beforeSetSchema(DistributionContext context, Table table, Namespace target) {
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        Namespace source = objects.namespace(table.namespaceOid());
        if (target == null || source.oid() == target.oid()) {
            return;
        }
        var distributed = objects.distributedTable(table.oid());
        boolean fromTenant = objects.distributedSchema(source.oid()) != null && distributed != null;
        boolean toTenant = objects.distributedSchema(target.oid()) != null;
        if (toTenant && distributed != null && !fromTenant && distributed.colocationId() != 0) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "distributed schema cannot have distributed tables")
                    .withHint("Undistribute distributed tables before 'ALTER TABLE SET SCHEMA'.");
        }
        if (fromTenant) {
            for (var fk : objects.constraints()) {
                if (fk.type() != 'f' || fk.tableOid() != table.oid() && fk.referencedTable() != table.oid()) {
                    continue;
                }
                int other = fk.tableOid() == table.oid() ? fk.referencedTable() : fk.tableOid();
                var otherTable = objects.distributedTable(other);
                if (other != table.oid() && (otherTable == null || !otherTable.isReferenceTable())) {
                    throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "set schema is not allowed for table "
                            + table.name() + " in distributed schema " + source.name())
                            .withDetail("distributed schemas cannot have foreign keys from/to local tables or different "
                                    + "schema");
                }
            }
            notice(context, "undistributing table " + table.name() + " in distributed schema " + source.name()
                    + " before altering its schema");
            new TableUndistributor(context).moveRowsBack(objects, table, false);
        }
        if (toTenant) {
            notice(context, "Moving " + table.name() + " into distributed schema " + target.name());
        }
    }

    private static void notice(DistributionContext context, String message) {
        context.notice(new io.shale.engine.session.Notice("NOTICE", "00000", message, null, null));
    }
}
