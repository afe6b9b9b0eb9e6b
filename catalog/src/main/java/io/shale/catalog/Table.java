package io.shale.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table. Its rows live in the store under the key prefix {@code storageId}; TRUNCATE gives
 * the table a new one.
 *
 * @param columns every column in attnum order, dropped ones included
 * @param accessMethod {@code heap} or {@code columnar}
 * @param options reloptions of {@code WITH (…)}
 * @param persistence {@code p} permanent, {@code u} unlogged, {@code t} temporary
 * @param replicaIdentity {@code d} default, {@code f} full, {@code n} nothing, {@code i} index
 */
public record Table(int oid, int namespaceOid, String name, int ownerOid, List<Column> columns,
                   long storageId, String accessMethod, Map<String, String> options,
                   char persistence, char replicaIdentity) implements Relation {

    public Table {
        columns = List.copyOf(columns);
        options = Map.copyOf(options);
    }

    @Override
    public char kind() {
        return 'r';
    }

    /** The live (not dropped) columns in order. */
    public List<Column> liveColumns() {
        List<Column> live = new ArrayList<>(columns.size());
        for (Column c : columns) {
            if (!c.dropped()) {
                live.add(c);
            }
        }
        return live;
    }

    /** The live column of that name, or null. */
    public Column column(String columnName) {
        for (Column c : columns) {
            if (!c.dropped() && c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }

    public Column column(int attnum) {
        return columns.get(attnum - 1);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(oid, namespaceOid, name, ownerOid, newColumns, storageId, accessMethod,
                options, persistence, replicaIdentity);
    }

    public Table withStorageId(long newStorageId) {
        return new Table(oid, namespaceOid, name, ownerOid, columns, newStorageId, accessMethod,
                options, persistence, replicaIdentity);
    }

    public Table withName(String newName) {
        return new Table(oid, namespaceOid, newName, ownerOid, columns, storageId, accessMethod,
                options, persistence, replicaIdentity);
    }

    public Table withNamespace(int newNamespaceOid) {
        return new Table(oid, newNamespaceOid, name, ownerOid, columns, storageId, accessMethod,
                options, persistence, replicaIdentity);
    }

    public Table withOwner(int newOwnerOid) {
        return new Table(oid, namespaceOid, name, newOwnerOid, columns, storageId, accessMethod,
                options, persistence, replicaIdentity);
    }

    public Table withReplicaIdentity(char identity) {
        return new Table(oid, namespaceOid, name, ownerOid, columns, storageId, accessMethod,
                options, persistence, identity);
    }
}
