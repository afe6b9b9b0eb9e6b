package io.shale.catalog;

import io.shale.catalog.distribution.ClusterNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable, versioned snapshot of a node's relational catalog: roles, databases and each
 * database's objects. A statement plans against one snapshot; DDL builds the next one with
 * {@link #edit()}.
 */
public final class Catalog {
    /** Oid of the bootstrap superuser {@code postgres}. */
    public static final int BOOTSTRAP_SUPERUSER = 10;
    public static final int PG_CATALOG_NAMESPACE = 11;
    public static final int PG_TOAST_NAMESPACE = 99;
    public static final int PUBLIC_NAMESPACE = 2200;
    public static final int INFORMATION_SCHEMA_NAMESPACE = 13183;
    /** First oid handed to user objects, as in PostgreSQL. */
    public static final int FIRST_USER_OID = 16384;

    private final long version;
    private final int nextOid;
    private final long nextStorageId;
    private final Map<Integer, Role> roles;
    private final Map<String, Role> rolesByName;
    private final List<RoleMembership> memberships;
    private final Map<Integer, Database> databases;
    private final Map<String, Database> databasesByName;
    private final Map<Integer, DatabaseCatalog> contents;
    private final ClusterMetadata cluster;
    private final Map<Integer, Acl> databaseAcls;
    private final Map<Integer, int[]> privilegeRoles;

    Catalog(long version, int nextOid, long nextStorageId, Collection<Role> roles,
            Collection<RoleMembership> memberships, Collection<Database> databases,
            Map<Integer, DatabaseCatalog> contents, ClusterMetadata cluster, Map<Integer, Acl> databaseAcls) {
        this.version = version;
        this.databaseAcls = Map.copyOf(databaseAcls);
        this.cluster = cluster;
        this.nextOid = nextOid;
        this.nextStorageId = nextStorageId;
        Map<Integer, Role> r = new HashMap<>();
        Map<String, Role> rn = new HashMap<>();
        for (Role role : roles) {
            r.put(role.oid(), role);
            rn.put(role.name(), role);
        }
        this.roles = Map.copyOf(r);
        this.rolesByName = Map.copyOf(rn);
        this.memberships = List.copyOf(memberships);
        Map<Integer, Database> d = new HashMap<>();
        Map<String, Database> dn = new HashMap<>();
        for (Database db : databases) {
            d.put(db.oid(), db);
            dn.put(db.name(), db);
        }
        this.databases = Map.copyOf(d);
        this.databasesByName = Map.copyOf(dn);
        this.contents = Map.copyOf(contents);
        this.privilegeRoles = RoleGraph.privilegeClosures(this.roles, this.memberships);
    }

    /** The catalog of a fresh node: superuser {@code postgres}, databases template0, template1, postgres. */
    public static Catalog bootstrap() {
        Role postgres = new Role(BOOTSTRAP_SUPERUSER, "postgres", true, true, true, true, true, true,
                true, -1, null, null);
        CatalogEditor editor = new Catalog(0, FIRST_USER_OID, 1, List.of(postgres), List.of(),
                List.of(), Map.of(), ClusterMetadata.EMPTY, Map.of()).edit();
        editor.createDatabase(new Database(1, "template1", BOOTSTRAP_SUPERUSER, true, -1, true));
        editor.createDatabase(new Database(4, "template0", BOOTSTRAP_SUPERUSER, false, -1, true));
        editor.createDatabase(new Database(5, "postgres", BOOTSTRAP_SUPERUSER, true, -1, false));
        return editor.build();
    }

    public long version() {
        return version;
    }

    /** The next object id to hand out: oids at or above it are not used yet. */
    public int nextOid() {
        return nextOid;
    }

    /** The next storage id to hand out: ids at or above it are not used yet. */
    public long nextStorageId() {
        return nextStorageId;
    }

    public Role role(int oid) {
        return roles.get(oid);
    }

    public Role role(String name) {
        return rolesByName.get(name);
    }

    public Collection<Role> roles() {
        return roles.values();
    }

    public List<RoleMembership> memberships() {
        return memberships;
    }

    /**
     * The roles whose privileges {@code roleOid} uses: itself and, through INHERIT, the roles it is a
     * member of (PostgreSQL's {@code roles_is_member_of(ROLERECURSE_PRIVS)}). Do not modify the array.
     */
    public int[] privilegeRoles(int roleOid) {
        int[] closure = privilegeRoles.get(roleOid);
        return closure != null ? closure : new int[] {roleOid};
    }

    /** The ACL of a database ({@code pg_database.datacl}), or null for the default. */
    public Acl databaseAcl(int databaseOid) {
        return databaseAcls.get(databaseOid);
    }

    Map<Integer, Acl> databaseAcls() {
        return databaseAcls;
    }

    public Database database(int oid) {
        return databases.get(oid);
    }

    public Database database(String name) {
        return databasesByName.get(name);
    }

    public Collection<Database> databases() {
        return databases.values();
    }

    /** The objects of a database. */
    public DatabaseCatalog objects(int databaseOid) {
        return contents.get(databaseOid);
    }

    /** The nodes of the cluster ({@code pg_dist_node}) sorted by node id; empty on a node outside a cluster. */
    public List<ClusterNode> nodes() {
        return cluster.nodes();
    }

    /** The node with this id, or null. */
    public ClusterNode node(int nodeId) {
        for (ClusterNode n : cluster.nodes()) {
            if (n.nodeId() == nodeId) {
                return n;
            }
        }
        return null;
    }

    /** The primary node of a group (the first by node id when a group has several), or null. */
    public ClusterNode nodeOfGroup(int groupId) {
        ClusterNode any = null;
        for (ClusterNode n : cluster.nodes()) {
            if (n.groupId() == groupId) {
                if ("primary".equals(n.nodeRole())) {
                    return n;
                }
                if (any == null) {
                    any = n;
                }
            }
        }
        return any;
    }

    /** The nodes of a group sorted by node id. */
    public List<ClusterNode> nodesOfGroup(int groupId) {
        List<ClusterNode> result = new ArrayList<>();
        for (ClusterNode n : cluster.nodes()) {
            if (n.groupId() == groupId) {
                result.add(n);
            }
        }
        return result;
    }

    /** The next node id {@code pg_dist_node_nodeid_seq} hands out (starts at 1). */
    public int nextNodeId() {
        return cluster.nextNodeId();
    }

    /** The next group id {@code pg_dist_groupid_seq} hands out (starts at 1; the coordinator is group 0). */
    public int nextGroupId() {
        return cluster.nextGroupId();
    }

    ClusterMetadata cluster() {
        return cluster;
    }

    Map<Integer, DatabaseCatalog> contents() {
        return contents;
    }

    /** Starts the next version of the catalog. */
    public CatalogEditor edit() {
        return new CatalogEditor(this);
    }
}
