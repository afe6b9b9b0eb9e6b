package io.shale.engine.citus;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.Notice;

import java.util.List;

/**
 * {@code citus_schema_distribute} and {@code citus_schema_undistribute} ({@code reference/citus.md} §6.5):
 * a schema's tables become single-shard tables of a new colocation group of the schema (their rows
 * copied into the shards), or come back to the coordinator as plain tables with their rows.
 */
final class SchemaDistributor {
    private final DistributionContext context;
    private final int database;
    private final int roleOid;

    SchemaDistributor(DistributionContext context, int roleOid) {
        this.context = context;
        this.database = context.databaseOid();
        this.roleOid = roleOid;
    }

    void distribute(long schemaOid) {
        Namespace schema = schema(schemaOid);
        ensureCoordinator();
        String name = schema.name();
        switch (name) {
            case "public", "pg_catalog", "information_schema", "pg_toast" -> throw new ShaleException(
                    ErrorCode.FEATURE_NOT_SUPPORTED, name + " schema cannot be distributed");
            default -> {
                if (name.startsWith("pg_temp_") || name.startsWith("pg_toast_temp_")) {
                    throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "temporary schema cannot be distributed");
                }
            }
        }
        ensureOwner(schema);
        DatabaseCatalog objects = context.catalog().objects(database);
        if (objects.distributedSchema(schema.oid()) != null) {
            notice("schema " + name + " is already distributed");
            return;
        }
        List<Table> tables = TenantSchemas.tablesOf(objects, schema.oid());
        for (Table t : tables) {
            if (objects.distributedTable(t.oid()) != null) {
                throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "distributed schema cannot have distributed tables")
                        .withHint("Undistribute distributed tables before 'citus_schema_distribute'.");
            }
        }
        notice("distributing the schema " + name);
        new ReferenceTableReplicator(context).replicate();
        CatalogEditor editor = context.editCatalog();
        TenantSchemas.register(editor, database, schema.oid());
        DistributedDdl.propagate(context, editor);
        context.catalogChanged(editor.build());
        for (Table t : tables) {
            TenantSchemas.copyLocalRows(context, t.oid());
        }
    }

    void undistribute(long schemaOid) {
        Namespace schema = schema(schemaOid);
        ensureCoordinator();
        ensureOwner(schema);
        DatabaseCatalog objects = context.catalog().objects(database);
        if (objects.distributedSchema(schema.oid()) == null) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "schema " + schema.name() + " is not distributed");
        }
        CatalogEditor editor = context.editCatalog();
        TenantSchemas.onDropSchema(editor, database, schema.oid());
        context.catalogChanged(editor.build());
        TableUndistributor undistributor = new TableUndistributor(context);
        for (Table t : TenantSchemas.tablesOf(context.catalog().objects(database), schema.oid())) {
            DatabaseCatalog now = context.catalog().objects(database);
            if (now.distributedTable(t.oid()) != null) {
                undistributor.moveRowsBack(now, (Table) now.relation(t.oid()), false);
            }
        }
    }

    private Namespace schema(long oid) {
        Namespace schema = context.catalog().objects(database).namespace((int) oid);
        if (schema == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "schema with OID " + oid + " does not exist");
        }
        return schema;
    }

    private void ensureCoordinator() {
        if (context.localGroupId() != 0) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "operation is not allowed on this node")
                    .withHint("Connect to the coordinator and run it again.");
        }
    }

    /** Schema ownership as PostgreSQL checks it ({@code must be owner of schema s}). */
    private void ensureOwner(Namespace schema) {
        io.shale.engine.access.AccessChecks.requireOwner(context.catalog(), roleOid, schema);
    }

    private void notice(String message) {
        context.notice(new Notice("NOTICE", "00000", message, null, null));
    }
}
