package io.shale.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link CatalogCodec}'s encodings of ACLs (format 3 and later). */
final class AclRecords {
    private AclRecords() {
    }

    static void writeAcl(CatalogOutput out, Acl acl) {
        out.varInt(acl.items().size());
        for (AclItem i : acl.items()) {
            out.varInt(i.granteeOid());
            out.varInt(i.grantorOid());
            out.varInt(i.privileges());
            out.varInt(i.grantOptions());
        }
    }

    static Acl readAcl(CatalogInput in) {
        List<AclItem> items = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            items.add(new AclItem(in.varInt(), in.varInt(), in.varInt(), in.varInt()));
        }
        return new Acl(items);
    }

    /** Object oid → ACL, in oid order. */
    static void writeAclMap(CatalogOutput out, Map<Integer, Acl> acls) {
        out.varInt(acls.size());
        for (Map.Entry<Integer, Acl> e : new TreeMap<>(acls).entrySet()) {
            out.varInt(e.getKey());
            writeAcl(out, e.getValue());
        }
    }

    static Map<Integer, Acl> readAclMap(CatalogInput in) {
        Map<Integer, Acl> acls = new HashMap<>();
        for (int i = in.count(); i > 0; i--) {
            int oid = in.varInt();
            acls.put(oid, readAcl(in));
        }
        return acls;
    }

    static void writeDefaultAcls(CatalogOutput out, List<DefaultAcl> defaults) {
        out.varInt(defaults.size());
        for (DefaultAcl d : defaults) {
            out.varInt(d.oid());
            out.varInt(d.roleOid());
            out.varInt(d.namespaceOid());
            out.u16(d.objectType());
            writeAcl(out, d.acl());
        }
    }

    static List<DefaultAcl> readDefaultAcls(CatalogInput in) {
        List<DefaultAcl> defaults = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            defaults.add(new DefaultAcl(in.varInt(), in.varInt(), in.varInt(), in.character(), readAcl(in)));
        }
        return defaults;
    }
}
