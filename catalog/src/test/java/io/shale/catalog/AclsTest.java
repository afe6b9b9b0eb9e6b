package io.shale.catalog;

import io.shale.common.error.ShaleException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AclsTest {
    private static final int OWNER = 20000;
    private static final int A = 20001;
    private static final int B = 20002;
    private static final int C = 20003;
    private static final int SELECT = Privilege.SELECT.bit();
    private static final int INSERT = Privilege.INSERT.bit();

    private static Catalog catalog() {
        CatalogEditor e = Catalog.bootstrap().edit();
        for (int oid : new int[] {OWNER, A, B, C}) {
            e.putRole(new Role(oid, "r" + oid, false, true, false, false, true, false, false, -1, null, null));
        }
        return e.build();
    }

    /** Granting privileges a grantee did not have, then revoking them, gives back the same ACL. */
    @Property(tries = 200)
    void revokeUndoesAFreshGrant(@ForAll long seed) {
        Random random = new Random(seed);
        Catalog c = catalog();
        List<AclItem> items = new ArrayList<>();
        items.add(new AclItem(OWNER, OWNER, AclObjectKind.TABLE.allPrivileges(), 0));
        for (int grantee : new int[] {0, A, B}) {
            if (random.nextBoolean()) {
                items.add(new AclItem(grantee, OWNER, 1 + random.nextInt(AclObjectKind.TABLE.allPrivileges()), 0));
            }
        }
        Acl before = new Acl(items);
        int privileges = 1 + random.nextInt(AclObjectKind.TABLE.allPrivileges());
        Acl granted = Acls.grant(before, C, OWNER, privileges, random.nextBoolean());
        assertThat(granted.item(C, OWNER).privileges()).as("seed %d", seed).isEqualTo(privileges);
        assertThat(Acls.revoke(c, granted, C, OWNER, privileges, false, false, OWNER)).as("seed %d", seed)
                .isEqualTo(before);
    }

    @Test
    void losingAGrantOptionCascadesDownTheChain() {
        Catalog c = catalog();
        Acl acl = Privileges.defaultAcl(AclObjectKind.TABLE, OWNER);
        acl = Acls.grant(acl, A, OWNER, SELECT | INSERT, true);
        acl = Acls.grant(acl, B, A, SELECT, true);
        acl = Acls.grant(acl, C, B, SELECT, false);
        Acl chain = acl;
        assertThatThrownBy(() -> Acls.revoke(c, chain, A, OWNER, SELECT, true, false, OWNER))
                .isInstanceOf(ShaleException.class).hasMessage("dependent privileges exist");
        Acl after = Acls.revoke(c, chain, A, OWNER, SELECT, true, true, OWNER);
        assertThat(after.items()).containsExactly(new AclItem(OWNER, OWNER, AclObjectKind.TABLE.allPrivileges(), 0),
                new AclItem(A, OWNER, SELECT | INSERT, INSERT));
    }

    @Test
    void aGrantOptionHeldFromAnotherGrantorStopsTheCascade() {
        Catalog c = catalog();
        Acl acl = Privileges.defaultAcl(AclObjectKind.TABLE, OWNER);
        acl = Acls.grant(acl, A, OWNER, SELECT, true);
        acl = Acls.grant(acl, B, OWNER, SELECT, true);
        acl = Acls.grant(acl, A, B, SELECT, true);
        acl = Acls.grant(acl, C, A, SELECT, false);
        Acl after = Acls.revoke(c, acl, A, OWNER, SELECT, false, false, OWNER);
        assertThat(after.item(C, A)).isNotNull();
        assertThat(after.item(A, OWNER)).isNull();
    }

    @Test
    void theBestGrantorAndAnOwnerChange() {
        Catalog c = catalog();
        Acl acl = Acls.grant(Privileges.defaultAcl(AclObjectKind.TABLE, OWNER), A, OWNER, SELECT, true);
        assertThat(Acls.bestGrantor(c, A, SELECT | INSERT, acl, OWNER)).isEqualTo(new Acls.Grantor(A, SELECT));
        assertThat(Acls.bestGrantor(c, B, SELECT, acl, OWNER)).isEqualTo(new Acls.Grantor(B, 0));
        assertThat(Acls.bestGrantor(c, Catalog.BOOTSTRAP_SUPERUSER, SELECT, acl, OWNER))
                .isEqualTo(new Acls.Grantor(OWNER, SELECT));
        Acl moved = Acls.newOwner(Acls.grant(acl, B, OWNER, INSERT, false), OWNER, B);
        assertThat(moved.items()).containsExactly(new AclItem(B, B, AclObjectKind.TABLE.allPrivileges(), 0),
                new AclItem(A, B, SELECT, SELECT));
    }
}
