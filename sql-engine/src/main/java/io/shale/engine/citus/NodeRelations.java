package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.system.SystemColumn;
import io.shale.engine.system.SystemContext;
import io.shale.engine.system.SystemRelation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The membership relations of Citus in pg_catalog (reference §2.4): {@code pg_dist_node}, its 13
 * columns computed from the catalog's nodes, and {@code pg_dist_local_group}, the node's own group.
 */
public final class NodeRelations {
    static final int PG_DIST_NODE_OID = 12150;
    static final int PG_DIST_LOCAL_GROUP_OID = 12151;

    private NodeRelations() {
    }

    /**
     * Both relations; {@code catalog} gives the node's catalog (for the noderole type) and
     * {@code localGroup} its group id.
     */
    public static List<SystemRelation> all(Supplier<Catalog> catalog, IntSupplier localGroup) {
        return List.of(new DistNode(catalog), new LocalGroup(localGroup));
    }

    private static SqlType type(int oid) {
        return SqlType.of(oid);
    }

    /** pg_dist_node. */
    private record DistNode(Supplier<Catalog> catalog) implements SystemRelation {
        @Override
        public int oid() {
            return PG_DIST_NODE_OID;
        }

        @Override
        public String schema() {
            return "pg_catalog";
        }

        @Override
        public String name() {
            return "pg_dist_node";
        }

        @Override
        public char kind() {
            return 'r';
        }

        @Override
        public List<SystemColumn> columns() {
            return List.of(new SystemColumn("nodeid", type(TypeOids.INT4)),
                    new SystemColumn("groupid", type(TypeOids.INT4)),
                    new SystemColumn("nodename", type(TypeOids.TEXT)),
                    new SystemColumn("nodeport", type(TypeOids.INT4)),
                    new SystemColumn("noderack", type(TypeOids.TEXT)),
                    new SystemColumn("hasmetadata", type(TypeOids.BOOL)),
                    new SystemColumn("isactive", type(TypeOids.BOOL)),
                    new SystemColumn("noderole", type(CitusTypes.nodeRoleOid(catalog.get()))),
                    new SystemColumn("nodecluster", type(TypeOids.NAME)),
                    new SystemColumn("metadatasynced", type(TypeOids.BOOL)),
                    new SystemColumn("shouldhaveshards", type(TypeOids.BOOL)),
                    new SystemColumn("nodeisclone", type(TypeOids.BOOL)),
                    new SystemColumn("nodeprimarynodeid", type(TypeOids.INT4)));
        }

        @Override
        public Iterator<Object[]> rows(SystemContext context) {
            List<Object[]> rows = new ArrayList<>();
            for (ClusterNode n : context.catalog().nodes()) {
                rows.add(new Object[] {n.nodeId(), n.groupId(), n.nodeName(), n.nodePort(), n.nodeRack(),
                        n.hasMetadata(), n.isActive(), n.nodeRole(), n.nodeCluster(), n.metadataSynced(),
                        n.shouldHaveShards(), false, 0});
            }
            return rows.iterator();
        }
    }

    /** pg_dist_local_group. */
    private record LocalGroup(IntSupplier group) implements SystemRelation {
        @Override
        public int oid() {
            return PG_DIST_LOCAL_GROUP_OID;
        }

        @Override
        public String schema() {
            return "pg_catalog";
        }

        @Override
        public String name() {
            return "pg_dist_local_group";
        }

        @Override
        public char kind() {
            return 'r';
        }

        @Override
        public List<SystemColumn> columns() {
            return List.of(new SystemColumn("groupid", type(TypeOids.INT4)));
        }

        @Override
        public Iterator<Object[]> rows(SystemContext context) {
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {group.getAsInt()});
            return rows.iterator();
        }
    }
}
