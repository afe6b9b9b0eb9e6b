package io.shale.catalog;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayList;
import java.util.List;

/** PostgreSQL's ACL edits: granting, revoking (with grant option cascades), the best grantor, owner changes. */
public final class Acls {
    private Acls() {
    }

    /** The grantor a GRANT or REVOKE by {@code roleOid} acts as, with the grant options it holds of {@code privileges}. */
    public record Grantor(int roleOid, int grantOptions) {
    }

    /**
     * PostgreSQL's {@code select_best_grantor}: the owner for the owner, its members and superusers;
     * else the role (among those whose privileges {@code roleOid} inherits) holding the most of the
     * needed grant options, or {@code roleOid} with none.
     */
    public static Grantor bestGrantor(Catalog c, int roleOid, int privileges, Acl acl, int ownerOid) {
        Role role = c.role(roleOid);
        if (roleOid == ownerOid || role != null && role.superuser()) {
            return new Grantor(ownerOid, privileges);
        }
        Grantor best = new Grantor(roleOid, 0);
        int bestCount = 0;
        for (int other : c.privilegeRoles(roleOid)) {
            int options = directGrantOptions(acl, other, ownerOid) & privileges;
            if (options == privileges) {
                return new Grantor(other, options);
            }
            if (Integer.bitCount(options) > bestCount) {
                best = new Grantor(other, options);
                bestCount = Integer.bitCount(options);
            }
        }
        return best;
    }

    private static int directGrantOptions(Acl acl, int roleOid, int ownerOid) {
        if (roleOid == ownerOid) {
            return -1;
        }
        int result = 0;
        for (AclItem item : acl.items()) {
            if (item.granteeOid() == roleOid) {
                result |= item.grantOptions();
            }
        }
        return result;
    }

    /** The ACL with {@code privileges} (and, with {@code withGrantOption}, their grant options) granted by grantor. */
    public static Acl grant(Acl acl, int granteeOid, int grantorOid, int privileges, boolean withGrantOption) {
        List<AclItem> items = new ArrayList<>(acl.items());
        int goptions = withGrantOption ? privileges : 0;
        for (int i = 0; i < items.size(); i++) {
            AclItem item = items.get(i);
            if (item.granteeOid() == granteeOid && item.grantorOid() == grantorOid) {
                items.set(i, new AclItem(granteeOid, grantorOid, item.privileges() | privileges,
                        item.grantOptions() | goptions));
                return new Acl(items);
            }
        }
        if (privileges != 0) {
            items.add(new AclItem(granteeOid, grantorOid, privileges, goptions));
        }
        return new Acl(items);
    }

    /**
     * The ACL without the privileges (or with {@code grantOptionOnly} only their grant options) that
     * grantor gave grantee; grant options the grantee loses take away what it granted with them
     * ({@code cascade}), or fail with 2BP01 "dependent privileges exist".
     */
    public static Acl revoke(Catalog c, Acl acl, int granteeOid, int grantorOid, int privileges,
                             boolean grantOptionOnly, boolean cascade, int ownerOid) {
        List<AclItem> items = new ArrayList<>(acl.items());
        int lost = 0;
        for (int i = 0; i < items.size(); i++) {
            AclItem item = items.get(i);
            if (item.granteeOid() == granteeOid && item.grantorOid() == grantorOid) {
                int newPrivileges = grantOptionOnly ? item.privileges() : item.privileges() & ~privileges;
                int newOptions = item.grantOptions() & ~privileges;
                lost = item.grantOptions() & ~newOptions;
                if (newPrivileges == 0) {
                    items.remove(i);
                } else {
                    items.set(i, new AclItem(granteeOid, grantorOid, newPrivileges, newOptions));
                }
                break;
            }
        }
        Acl result = new Acl(items);
        if (lost != 0 && granteeOid != AclItem.PUBLIC) {
            result = revokeDependents(c, result, granteeOid, lost, cascade, ownerOid);
        }
        return result;
    }

    private static Acl revokeDependents(Catalog c, Acl acl, int granteeOid, int lost, boolean cascade, int ownerOid) {
        if (granteeOid == ownerOid) {
            return acl;
        }
        int stillHeld = 0;
        int[] roles = c.privilegeRoles(granteeOid);
        for (AclItem item : acl.items()) {
            if (item.granteeOid() == AclItem.PUBLIC || Privileges.contains(roles, item.granteeOid())) {
                stillHeld |= item.grantOptions();
            }
        }
        int revoke = lost & ~stillHeld;
        if (revoke == 0) {
            return acl;
        }
        Acl result = acl;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (AclItem item : result.items()) {
                if (item.grantorOid() == granteeOid && (item.privileges() & revoke) != 0) {
                    if (!cascade) {
                        throw new ShaleException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "dependent privileges exist")
                                .withHint("Use CASCADE to revoke them too.");
                    }
                    result = revoke(c, result, item.granteeOid(), granteeOid, revoke, false, true, ownerOid);
                    changed = true;
                    break;
                }
            }
        }
        return result;
    }

    /** PostgreSQL's {@code aclnewowner}: the old owner's items, as grantee or grantor, become the new owner's (merged). */
    public static Acl newOwner(Acl acl, int oldOwnerOid, int newOwnerOid) {
        List<AclItem> items = new ArrayList<>();
        for (AclItem item : acl.items()) {
            int grantee = item.granteeOid() == oldOwnerOid ? newOwnerOid : item.granteeOid();
            int grantor = item.grantorOid() == oldOwnerOid ? newOwnerOid : item.grantorOid();
            boolean merged = false;
            for (int i = 0; i < items.size(); i++) {
                AclItem existing = items.get(i);
                if (existing.granteeOid() == grantee && existing.grantorOid() == grantor) {
                    items.set(i, new AclItem(grantee, grantor, existing.privileges() | item.privileges(),
                            existing.grantOptions() | item.grantOptions()));
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                items.add(new AclItem(grantee, grantor, item.privileges(), item.grantOptions()));
            }
        }
        return new Acl(items);
    }
}
