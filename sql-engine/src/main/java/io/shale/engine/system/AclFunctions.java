package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.catalog.Privilege;
import io.shale.catalog.Role;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.List;

/** aclexplode(aclitem[]): one row (grantor, grantee, privilege_type, is_grantable) per privilege of each aclitem. */
final class AclFunctions {
    private AclFunctions() {
    }

    static void addTo(List<CatalogFunction> out) {
        out.add(new CatalogFunction("pg_catalog", "aclexplode", 1689, List.of(TypeOids.ACLITEM_ARRAY), TypeOids.RECORD,
                true, 's', new CatalogFunction.SetReturning((c, a) -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Object element : TypeSupport.elements(a[0])) {
                        explode(c.catalog(), (String) element, rows);
                    }
                    return rows.iterator();
                }, List.of(new SystemColumn("grantor", SqlType.of(TypeOids.OID)),
                        new SystemColumn("grantee", SqlType.of(TypeOids.OID)),
                        new SystemColumn("privilege_type", SqlType.TEXT),
                        new SystemColumn("is_grantable", SqlType.BOOL)))));
    }

    /** The rows of one aclitem's text ({@code grantee=privileges/grantor}, names possibly double-quoted). */
    private static void explode(Catalog catalog, String item, List<Object[]> rows) {
        int[] position = {0};
        String grantee = name(item, position);
        expect(item, position, '=');
        int privileges = 0;
        int options = 0;
        while (position[0] < item.length() && item.charAt(position[0]) != '/') {
            Privilege p = Privilege.ofLetter(item.charAt(position[0]++));
            if (p == null) {
                throw invalid(item);
            }
            privileges |= p.bit();
            if (position[0] < item.length() && item.charAt(position[0]) == '*') {
                options |= p.bit();
                position[0]++;
            }
        }
        expect(item, position, '/');
        long grantor = oid(catalog, name(item, position));
        long granteeOid = grantee.isEmpty() ? 0 : oid(catalog, grantee);
        for (Privilege p : Privilege.ofMask(privileges)) {
            rows.add(new Object[] {grantor, granteeOid, p == Privilege.TEMPORARY ? "TEMPORARY" : p.name(),
                    (options & p.bit()) != 0});
        }
    }

    private static String name(String item, int[] position) {
        StringBuilder name = new StringBuilder();
        int i = position[0];
        if (i < item.length() && item.charAt(i) == '"') {
            i++;
            while (i < item.length()) {
                char ch = item.charAt(i++);
                if (ch == '"') {
                    if (i < item.length() && item.charAt(i) == '"') {
                        name.append('"');
                        i++;
                        continue;
                    }
                    break;
                }
                name.append(ch);
            }
        } else {
            while (i < item.length() && item.charAt(i) != '=' && item.charAt(i) != '/') {
                name.append(item.charAt(i++));
            }
        }
        position[0] = i;
        return name.toString();
    }

    private static void expect(String item, int[] position, char ch) {
        if (position[0] >= item.length() || item.charAt(position[0]) != ch) {
            throw invalid(item);
        }
        position[0]++;
    }

    private static long oid(Catalog catalog, String name) {
        Role role = catalog.role(name);
        if (role != null) {
            return role.oid();
        }
        for (Role predefined : PredefinedRoles.ALL) {
            if (predefined.name().equals(name)) {
                return predefined.oid();
            }
        }
        if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
            return Long.parseLong(name);
        }
        throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
    }

    private static ShaleException invalid(String item) {
        return new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type aclitem: \""
                + item + "\"");
    }
}
