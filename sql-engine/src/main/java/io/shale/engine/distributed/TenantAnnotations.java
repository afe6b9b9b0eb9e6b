package io.shale.engine.distributed;

import io.shale.catalog.distribution.DistributedSchema;
import io.shale.common.types.TextCodec;
import io.shale.engine.citus.TenantAnnotation;
import io.shale.engine.exec.ExecContext;

/**
 * Puts Citus's tenant annotation in front of a router task while the session tracks tenants
 * ({@code citus.stat_tenants_track = all}): the colocation id and distribution value of a hash table's shard, or
 * the colocation id alone for the tables of a distributed schema; other tasks go unannotated.
 */
final class TenantAnnotations {
    private TenantAnnotations() {
    }

    static boolean tracking(ExecContext context) {
        return "all".equals(context.session().setting("citus.stat_tenants_track", true));
    }

    /** The task text for {@code anchor}'s shard pinned to {@code value} (null when not pinned to one value). */
    static String annotate(ExecContext context, ShardedTable anchor, Object value, String sql) {
        if (anchor == null || anchor.isReference() || !tracking(context)) {
            return sql;
        }
        if (anchor.isHash()) {
            if (value == null) {
                return sql;
            }
            String text = TextCodec.format(anchor.distributionColumn().type(), value, context.formatSettings());
            return TenantAnnotation.annotate(sql, anchor.colocationId(), text);
        }
        DistributedSchema schema = context.catalog().objects(context.databaseOid())
                .distributedSchema(anchor.shell().namespaceOid());
        if (schema == null || schema.colocationId() != anchor.colocationId()) {
            return sql;
        }
        return TenantAnnotation.annotateSchema(sql, anchor.colocationId());
    }
}
