package io.shale.catalog;

import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.common.types.SqlType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PrivilegesTest {
    private static final int DB = 5;
    private static final int ALICE = 20000;
    private static final int BOB = 20001;
    private static final int GROUP = 20002;
    private static final int NOINHERIT = 20003;
    private static final int TABLE = 30000;
    private static final int SHARD = 30001;
    private static final int SCHEMA = 30002;
    private static final int SEQ = 30003;

    private static Role role(int oid, String name, boolean inherit) {
        return new Role(oid, name, false, inherit, false, false, true, false, false, -1, null, null);
    }

    private static Table table(int oid, String name, int owner) {
        return new Table(oid, Catalog.PUBLIC_NAMESPACE, name, owner, List.of(Column.of("id", 1, SqlType.INT4)),
                oid, "heap", Map.of(), 'p', 'd');
    }

    private static CatalogEditor base() {
        CatalogEditor e = Catalog.bootstrap().edit();
        e.putRole(role(ALICE, "alice", true));
        e.putRole(role(BOB, "bob", true));
        e.putRole(role(GROUP, "grp", true));
        e.putRole(role(NOINHERIT, "noinh", false));
        e.putRelation(DB, table(TABLE, "t", ALICE));
        e.putRelation(DB, table(SHARD, "t_102008", ALICE));
        e.putDistributedTable(DB, new DistributedTable(TABLE, 'h', 1, 1, 's', false));
        e.putShard(DB, new Shard(102008, TABLE, SHARD, 't', "-2147483648", "2147483647"));
        e.putNamespace(DB, new Namespace(SCHEMA, DB, "s", ALICE));
        e.putRelation(DB, new Sequence(SEQ, Catalog.PUBLIC_NAMESPACE, "q", ALICE, SqlType.INT8, 1, 1, 1,
                Long.MAX_VALUE, 1, false, 0, (short) 0));
        return e;
    }

    @Test
    void ownerHasEverythingOthersNothingByDefault() {
        Catalog c = base().build();
        assertThat(Privileges.has(c, DB, ALICE, AclObjectKind.TABLE, TABLE, Privilege.TRUNCATE)).isTrue();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.TABLE, TABLE, Privilege.SELECT)).isFalse();
        assertThat(Privileges.has(c, DB, Catalog.BOOTSTRAP_SUPERUSER, AclObjectKind.TABLE, TABLE,
                Privilege.SELECT)).isTrue();
        assertThat(Privileges.has(c, DB, ALICE, AclObjectKind.SEQUENCE, SEQ, Privilege.USAGE)).isTrue();
        assertThat(Privileges.has(c, DB, ALICE, AclObjectKind.SEQUENCE, SEQ, Privilege.INSERT)).isFalse();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.TABLE, 99999, Privilege.SELECT)).isFalse();
    }

    @Test
    void grantsToRolesPublicAndThroughMembership() {
        CatalogEditor e = base();
        e.setAcl(DB, TABLE, new Acl(List.of(new AclItem(ALICE, ALICE, AclObjectKind.TABLE.allPrivileges(), 0),
                new AclItem(GROUP, ALICE, Privilege.SELECT.bit(), 0),
                new AclItem(AclItem.PUBLIC, ALICE, Privilege.INSERT.bit(), 0))));
        e.addMembership(new RoleMembership(GROUP, BOB, Catalog.BOOTSTRAP_SUPERUSER, false));
        e.addMembership(new RoleMembership(GROUP, NOINHERIT, Catalog.BOOTSTRAP_SUPERUSER, false));
        Catalog c = e.build();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.TABLE, TABLE, Privilege.SELECT)).isTrue();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.TABLE, TABLE, Privilege.INSERT)).isTrue();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.TABLE, TABLE, Privilege.UPDATE)).isFalse();
        assertThat(Privileges.has(c, DB, NOINHERIT, AclObjectKind.TABLE, TABLE, Privilege.SELECT)).isFalse();
        assertThat(Privileges.isMember(c, NOINHERIT, GROUP)).isTrue();
        assertThat(Privileges.hasMembership(c, NOINHERIT, GROUP)).isFalse();
        assertThat(Privileges.hasMembership(c, BOB, GROUP)).isTrue();
        assertThat(Privileges.hasMembership(c, GROUP, BOB)).isFalse();
    }

    @Test
    void aShardIsJudgedByItsShellTable() {
        CatalogEditor e = base();
        e.setAcl(DB, TABLE, new Acl(List.of(new AclItem(ALICE, ALICE, AclObjectKind.TABLE.allPrivileges(), 0),
                new AclItem(BOB, ALICE, Privilege.SELECT.bit(), 0))));
        e.putRelation(DB, table(SHARD, "t_102008", Catalog.BOOTSTRAP_SUPERUSER));
        Catalog c = e.build();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.TABLE, SHARD, Privilege.SELECT)).isTrue();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.TABLE, SHARD, Privilege.DELETE)).isFalse();
        assertThat(Privileges.has(c, DB, ALICE, AclObjectKind.TABLE, SHARD, Privilege.DELETE)).isTrue();
    }

    @Test
    void ownerWhoRevokedFromItselfLosesThePrivilegeButKeepsGrantOptions() {
        CatalogEditor e = base();
        e.setAcl(DB, TABLE, new Acl(List.of(new AclItem(ALICE, ALICE, Privilege.INSERT.bit(), 0))));
        Catalog c = e.build();
        assertThat(Privileges.has(c, DB, ALICE, AclObjectKind.TABLE, TABLE, Privilege.SELECT)).isFalse();
        assertThat(Privileges.hasGrantOption(c, DB, ALICE, AclObjectKind.TABLE, TABLE, Privilege.SELECT)).isTrue();
    }

    @Test
    void schemaAndDatabaseDefaults() {
        Catalog c = base().build();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.SCHEMA, SCHEMA, Privilege.USAGE)).isFalse();
        assertThat(Privileges.has(c, DB, ALICE, AclObjectKind.SCHEMA, SCHEMA, Privilege.CREATE)).isTrue();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.SCHEMA, Catalog.PUBLIC_NAMESPACE, Privilege.USAGE)).isTrue();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.SCHEMA, Catalog.PUBLIC_NAMESPACE, Privilege.CREATE)).isFalse();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.DATABASE, DB, Privilege.CONNECT)).isTrue();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.DATABASE, DB, Privilege.CREATE)).isFalse();
        assertThat(Privileges.has(c, DB, BOB, AclObjectKind.FUNCTION, 1234, Privilege.EXECUTE)).isTrue();
        assertThat(Privileges.defaultAcl(AclObjectKind.DATABASE, 10).items()).containsExactly(
                new AclItem(0, 10, Privilege.TEMPORARY.bit() | Privilege.CONNECT.bit(), 0),
                new AclItem(10, 10, AclObjectKind.DATABASE.allPrivileges(), 0));
        assertThat(Privileges.effectiveAcl(c, DB, AclObjectKind.SCHEMA, Catalog.PUBLIC_NAMESPACE).items())
                .hasSize(2);
    }

    @Test
    void isOwnerAndAdminOption() {
        CatalogEditor e = base();
        e.addMembership(new RoleMembership(ALICE, BOB, Catalog.BOOTSTRAP_SUPERUSER, true));
        Catalog c = e.build();
        assertThat(Privileges.isOwner(c, BOB, ALICE)).isTrue();
        assertThat(Privileges.isOwner(c, ALICE, BOB)).isFalse();
        assertThat(Privileges.isOwner(c, Catalog.BOOTSTRAP_SUPERUSER, BOB)).isTrue();
        assertThat(Privileges.hasAdminOption(c, BOB, ALICE)).isTrue();
        assertThat(Privileges.hasAdminOption(c, ALICE, BOB)).isFalse();
        assertThat(Privilege.ofMask(Privilege.SELECT.bit() | Privilege.INSERT.bit()))
                .containsExactly(Privilege.INSERT, Privilege.SELECT);
    }

    /** Random role graphs and ACLs: {@code has} agrees with a plain breadth-first model of PostgreSQL's rules. */
    @Property(tries = 300)
    void agreesWithAReferenceModel(@ForAll long seed) {
        Random random = new Random(seed);
        CatalogEditor e = Catalog.bootstrap().edit();
        int n = 2 + random.nextInt(6);
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Role r = new Role(20000 + i, "r" + i, random.nextInt(8) == 0, random.nextInt(4) != 0, false, false,
                    true, false, false, -1, null, null);
            roles.add(r);
            e.putRole(r);
        }
        List<RoleMembership> memberships = new ArrayList<>();
        for (int m = random.nextInt(2 * n); m > 0; m--) {
            RoleMembership rm = new RoleMembership(20000 + random.nextInt(n), 20000 + random.nextInt(n), 10,
                    random.nextBoolean());
            if (rm.roleOid() != rm.memberOid()) {
                e.addMembership(rm);
            }
        }
        int owner = 20000 + random.nextInt(n);
        e.putRelation(DB, table(TABLE, "t", owner));
        Acl acl = null;
        if (random.nextBoolean()) {
            List<AclItem> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                int p = random.nextInt(AclObjectKind.TABLE.allPrivileges() + 1) & AclObjectKind.TABLE.allPrivileges();
                items.add(new AclItem(random.nextInt(3) == 0 ? 0 : 20000 + random.nextInt(n), owner, p, 0));
            }
            acl = new Acl(items);
            e.setAcl(DB, TABLE, acl);
        }
        Catalog c = e.build();
        for (Role r : roles) {
            Set<Integer> inherited = inheritedRoles(c, r.oid());
            for (Privilege p : Privilege.values()) {
                boolean expected;
                if (r.superuser()) {
                    expected = true;
                } else if (acl == null) {
                    expected = inherited.contains(owner) && AclObjectKind.TABLE.accepts(p);
                } else {
                    expected = false;
                    for (AclItem item : acl.items()) {
                        if ((item.granteeOid() == 0 || inherited.contains(item.granteeOid())) && item.has(p)) {
                            expected = true;
                        }
                    }
                }
                assertThat(Privileges.has(c, DB, r.oid(), AclObjectKind.TABLE, TABLE, p))
                        .as("seed %d role %s privilege %s", seed, r.name(), p).isEqualTo(expected);
            }
        }
    }

    private static Set<Integer> inheritedRoles(Catalog c, int roleOid) {
        Set<Integer> seen = new HashSet<>(List.of(roleOid));
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(roleOid));
        while (!queue.isEmpty()) {
            int current = queue.poll();
            if (!c.role(current).inherit()) {
                continue;
            }
            for (RoleMembership m : c.memberships()) {
                if (m.memberOid() == current && seen.add(m.roleOid())) {
                    queue.add(m.roleOid());
                }
            }
        }
        return seen;
    }
}
