package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.common.types.TypeOids;
import io.shale.engine.function.EvalContext;
import io.shale.engine.function.ScalarFunction;
import io.shale.engine.system.CatalogFunction;
import io.shale.engine.system.SystemColumn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Citus's node management functions (reference §1.4), with the argument defaults as overloads:
 * citus_set_coordinator_host, citus_add_node, citus_remove_node, citus_disable_node,
 * citus_activate_node, citus_update_node, citus_set_node_property and citus_get_active_worker_nodes. They run on the
 * coordinator only and change the catalog in the calling transaction ({@link NodeChanges}).
 */
public final class NodeFunctions {
    private static final int TEXT = TypeOids.TEXT;
    private static final int INT4 = TypeOids.INT4;
    private static final int BOOL = TypeOids.BOOL;
    private static final int NAME = TypeOids.NAME;
    private static final long FIRST_OID = 12100;

    private NodeFunctions() {
    }

    /**
     * The functions, bound to {@code sessions} (the calling session of each call) and typed with
     * the noderole enum of {@code catalog}.
     */
    public static List<CatalogFunction> definitions(Catalog catalog, Function<EvalContext, NodeSession> sessions) {
        int role = CitusTypes.nodeRoleOid(catalog);
        List<CatalogFunction> out = new ArrayList<>();
        long[] oid = {FIRST_OID};
        ScalarFunction setCoordinator = (c, a) -> {
            new NodeChanges(sessions.apply(c)).setCoordinatorHost((String) a[0],
                    a.length > 1 ? (Integer) a[1] : sessions.apply(c).port(),
                    a.length > 2 ? (String) a[2] : "primary", a.length > 3 ? (String) a[3] : "default");
            return null;
        };
        add(out, oid, "citus_set_coordinator_host", List.of(TEXT), TypeOids.VOID, setCoordinator);
        add(out, oid, "citus_set_coordinator_host", List.of(TEXT, INT4), TypeOids.VOID, setCoordinator);
        add(out, oid, "citus_set_coordinator_host", List.of(TEXT, INT4, role), TypeOids.VOID, setCoordinator);
        add(out, oid, "citus_set_coordinator_host", List.of(TEXT, INT4, role, NAME), TypeOids.VOID, setCoordinator);
        ScalarFunction addNode = (c, a) -> new NodeChanges(sessions.apply(c)).addNode((String) a[0], (Integer) a[1],
                a.length > 2 ? (Integer) a[2] : -1, a.length > 3 ? (String) a[3] : "primary",
                a.length > 4 ? (String) a[4] : "default");
        add(out, oid, "citus_add_node", List.of(TEXT, INT4), INT4, addNode);
        add(out, oid, "citus_add_node", List.of(TEXT, INT4, INT4), INT4, addNode);
        add(out, oid, "citus_add_node", List.of(TEXT, INT4, INT4, role), INT4, addNode);
        add(out, oid, "citus_add_node", List.of(TEXT, INT4, INT4, role, NAME), INT4, addNode);
        add(out, oid, "citus_remove_node", List.of(TEXT, INT4), TypeOids.VOID, (c, a) -> {
            new NodeChanges(sessions.apply(c)).removeNode((String) a[0], (Integer) a[1]);
            return null;
        });
        ScalarFunction disable = (c, a) -> {
            new NodeChanges(sessions.apply(c)).disableNode((String) a[0], (Integer) a[1],
                    a.length > 2 && (Boolean) a[2]);
            return null;
        };
        add(out, oid, "citus_disable_node", List.of(TEXT, INT4), TypeOids.VOID, disable);
        add(out, oid, "citus_disable_node", List.of(TEXT, INT4, BOOL), TypeOids.VOID, disable);
        add(out, oid, "citus_activate_node", List.of(TEXT, INT4), INT4,
                (c, a) -> new NodeChanges(sessions.apply(c)).activateNode((String) a[0], (Integer) a[1]));
        add(out, oid, "citus_set_node_property", List.of(TEXT, INT4, TEXT, BOOL), TypeOids.VOID, (c, a) -> {
            new NodeChanges(sessions.apply(c)).setNodeProperty((String) a[0], (Integer) a[1], (String) a[2],
                    (Boolean) a[3]);
            return null;
        });
        out.add(new CatalogFunction("pg_catalog", "citus_get_active_worker_nodes", oid[0]++, List.of(), TypeOids.RECORD,
                true, 'v', new CatalogFunction.SetReturning((c, a) -> activeWorkers(c.catalog()),
                List.of(new SystemColumn("node_name", io.shale.common.types.SqlType.of(TEXT)),
                        new SystemColumn("node_port", io.shale.common.types.SqlType.of(TypeOids.INT8))))));
        ScalarFunction update = (c, a) -> {
            new NodeChanges(sessions.apply(c)).updateNode((Integer) a[0], (String) a[1], (Integer) a[2]);
            return null;
        };
        add(out, oid, "citus_update_node", List.of(INT4, TEXT, INT4), TypeOids.VOID, update);
        add(out, oid, "citus_update_node", List.of(INT4, TEXT, INT4, BOOL), TypeOids.VOID, update);
        add(out, oid, "citus_update_node", List.of(INT4, TEXT, INT4, BOOL, INT4), TypeOids.VOID, update);
        return List.copyOf(out);
    }

    private static Iterator<Object[]> activeWorkers(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (var node : catalog.nodes()) {
            if (node.isActivePrimary() && !node.isCoordinator()) {
                rows.add(new Object[] {node.nodeName(), (long) node.nodePort()});
            }
        }
        return rows.iterator();
    }

    private static void add(List<CatalogFunction> out, long[] oid, String name, List<Integer> arguments, int returnType,
                            ScalarFunction body) {
        // Citus revokes the node functions from PUBLIC: only superusers call them.
        ScalarFunction checked = (c, a) -> {
            io.shale.engine.access.AccessChecks.requireSuperuser(c.catalog(), c.currentUserOid(), name);
            return body.apply(c, a);
        };
        out.add(new CatalogFunction("pg_catalog", name, oid[0]++, arguments, returnType, true, 'v',
                new CatalogFunction.Scalar(checked)));
    }
}
