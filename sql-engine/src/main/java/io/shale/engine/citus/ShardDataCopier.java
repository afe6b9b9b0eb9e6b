package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.HashFunctions;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardIntervalIndex;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.catalog.distribution.ShardRange;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.exec.Operator;
import io.shale.engine.exec.TableAccess;
import io.shale.engine.session.Notice;
import io.shale.engine.system.Identifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves the rows a table had before it was distributed into its shards, routed by the hash of the
 * distribution column: rows of placements on this node are written through the engine's table
 * access in the session's transaction; the shell's own rows stay on disk, hidden, until
 * {@code truncate_local_data_after_distributing_table}.
 */
final class ShardDataCopier {
    private final DistributionContext context;

    ShardDataCopier(DistributionContext context) {
        this.context = context;
    }

    void copyShellRows(Table shell) {
        Catalog catalog = context.catalog();
        int database = context.databaseOid();
        DatabaseCatalog objects = catalog.objects(database);
        DistributedTable table = objects.distributedTable(shell.oid());
        List<Shard> shards = objects.shards(shell.oid());
        List<Table> shardTables = new ArrayList<>(shards.size());
        List<ShardRange> ranges = new ArrayList<>(shards.size());
        for (Shard s : shards) {
            shardTables.add((Table) objects.relation(s.shardRelationOid()));
            ranges.add(s.range());
        }
        ShardIntervalIndex index = table.isHashDistributed() ? new ShardIntervalIndex(ranges) : null;
        int attnum = table.distributionAttnum();
        SqlType type = attnum > 0 ? shell.column(attnum).type() : null;
        int localGroup = context.localGroupId();
        List<RemoteRows> remote = new ArrayList<>();
        long copied = 0;
        try (Operator rows = context.tableAccess().scan(context.transaction(), shell)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                if (copied == 0) {
                    context.notice(new Notice("NOTICE", "00000", "Copying data from local table...", null, null));
                }
                if ((++copied & 1023) == 0) {
                    context.checkInterrupted();
                }
                int position = 0;
                if (index != null) {
                    Object value = row[attnum - 1];
                    if (value == null) {
                        throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "the partition column of table "
                                + qualifiedName(objects, shell) + " cannot be NULL");
                    }
                    position = index.find(HashFunctions.hash(type, value));
                    if (position < 0) {
                        throw new ShaleException(ErrorCode.INTERNAL_ERROR, "cannot find shard interval")
                                .withDetail("Hash of the partition column value does not fall into any shards.");
                    }
                }
                Shard shard = shards.get(position);
                for (ShardPlacement p : objects.placements(shard.shardId())) {
                    if (p.groupId() == localGroup) {
                        context.tableAccess().insert(context.transaction(), catalog, database, shardTables.get(position),
                                row.clone(), context.formatSettings());
                    } else {
                        remote.add(new RemoteRows(p.groupId(), shard.shardId(), row.clone()));
                    }
                }
            }
        }
        if (!remote.isEmpty()) {
            stageRemote(objects, remote);
        }
        if (copied > 0) {
            context.notice(new Notice("NOTICE", "00000", "copying the data has completed",
                    "The local data in the table is no longer visible, but is still on disk.",
                    "To remove the local data, run: SELECT truncate_local_data_after_distributing_table($$"
                            + qualifiedName(objects, shell) + "$$)"));
        }
    }

    /** A row for a shard placement on another node. */
    record RemoteRows(int groupId, long shardId, Object[] row) {
    }

    /** Rows of placements on other nodes travel with the staged catalog and are written there at commit. */
    private void stageRemote(DatabaseCatalog objects, List<RemoteRows> rows) {
        for (RemoteRows r : rows) {
            Table shardTable = (Table) objects.relation(objects.shard(r.shardId()).shardRelationOid());
            context.stageShardRow(r.groupId(), shardTable.oid(), TableAccess.encodeStored(shardTable, r.row()));
        }
    }


    static String qualifiedName(DatabaseCatalog objects, Table table) {
        return Identifiers.quote(objects.namespace(table.namespaceOid()).name()) + "." + Identifiers.quote(table.name());
    }
}
