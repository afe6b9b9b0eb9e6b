package io.shale.catalog;

import java.util.List;

/** An object's ACL: its aclitems, in the order PostgreSQL keeps them. */
public record Acl(List<AclItem> items) {
    public Acl {
        items = List.copyOf(items);
    }

    /** The item of a grantee and grantor, or null. */
    public AclItem item(int granteeOid, int grantorOid) {
        for (AclItem i : items) {
            if (i.granteeOid() == granteeOid && i.grantorOid() == grantorOid) {
                return i;
            }
        }
        return null;
    }

    /** Whether any item names the role as grantee or grantor. */
    public boolean mentions(int roleOid) {
        for (AclItem i : items) {
            if (i.granteeOid() == roleOid || i.grantorOid() == roleOid) {
                return true;
            }
        }
        return false;
    }
}
