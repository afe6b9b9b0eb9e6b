package io.shale.engine.system;

import io.shale.catalog.Acl;
import io.shale.catalog.AclItem;
import io.shale.catalog.Privilege;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** aclitem text ({@code grantee=privileges/grantor}, {@code *} after each grant option) and aclitem[] values. */
public final class AclText {
    private static final Privilege[] ORDER = Privilege.values();

    private AclText() {
    }

    /** The aclitem[] value of an ACL (null for null), naming roles through {@code roleName} (null → the oid). */
    static Object array(Acl acl, IntFunction<String> roleName) {
        if (acl == null) {
            return null;
        }
        List<String> items = new ArrayList<>(acl.items().size());
        for (AclItem item : acl.items()) {
            items.add(format(item, roleName));
        }
        return TypeSupport.array(TypeOids.ACLITEM, items);
    }

    /** One aclitem as aclitemout prints it. */
    public static String format(AclItem item, IntFunction<String> roleName) {
        StringBuilder s = new StringBuilder();
        if (item.granteeOid() != AclItem.PUBLIC) {
            name(s, item.granteeOid(), roleName);
        }
        s.append('=');
        for (Privilege p : ORDER) {
            if (item.has(p)) {
                s.append(p.letter());
                if (item.hasGrantOption(p)) {
                    s.append('*');
                }
            }
        }
        s.append('/');
        name(s, item.grantorOid(), roleName);
        return s.toString();
    }

    /** PostgreSQL's {@code putid}: a name in double quotes unless it is only letters, digits and underscores. */
    private static void name(StringBuilder s, int oid, IntFunction<String> roleName) {
        String name = roleName.apply(oid);
        if (name == null) {
            s.append(oid);
            return;
        }
        boolean plain = !name.isEmpty();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c) || c == '_')) {
                plain = false;
                break;
            }
        }
        if (plain) {
            s.append(name);
            return;
        }
        s.append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                s.append('"');
            }
            s.append(c);
        }
        s.append('"');
    }
}
