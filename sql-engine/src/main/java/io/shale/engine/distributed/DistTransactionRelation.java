package io.shale.engine.distributed;

import io.shale.common.types.SqlType;
import io.shale.engine.system.SystemColumn;
import io.shale.engine.system.SystemContext;
import io.shale.engine.system.SystemRelation;
import io.shale.storage.KeyValueStore;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code pg_catalog.pg_dist_transaction (groupid int, gid text, outer_xid)}: the commit records of this node's
 * two-phase commits ({@link DistributedTransactionRecords}), as committed now. {@code outer_xid} is Citus's xid8, shown
 * as a bigint (the coordinating store transaction's id).
 */
public record DistTransactionRelation(Supplier<KeyValueStore> store) implements SystemRelation {
    static final int OID = 1_000_300_100;

    @Override
    public int oid() {
        return OID;
    }

    @Override
    public String schema() {
        return "pg_catalog";
    }

    @Override
    public String name() {
        return "pg_dist_transaction";
    }

    @Override
    public char kind() {
        return 'r';
    }

    @Override
    public List<SystemColumn> columns() {
        return List.of(new SystemColumn("groupid", SqlType.INT4), new SystemColumn("gid", SqlType.TEXT),
                new SystemColumn("outer_xid", SqlType.INT8));
    }

    @Override
    public Iterator<Object[]> rows(SystemContext context) {
        List<Object[]> rows = new ArrayList<>();
        for (DistributedTransactionRecords.Record r : DistributedTransactionRecords.read(store.get())) {
            rows.add(new Object[] {r.groupId(), r.gid(), r.outerTransactionId()});
        }
        return rows.iterator();
    }
}
