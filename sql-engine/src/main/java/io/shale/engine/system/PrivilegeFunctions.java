package io.shale.engine.system;

import io.shale.catalog.AclObjectKind;
import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.Privilege;
import io.shale.catalog.Privileges;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.TypeOids;
import io.shale.engine.function.EvalContext;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.shale.engine.system.CatalogFunctions.BOOL;
import static io.shale.engine.system.CatalogFunctions.NAME;
import static io.shale.engine.system.CatalogFunctions.OID;
import static io.shale.engine.system.CatalogFunctions.TEXT;
import static io.shale.engine.system.CatalogFunctions.oidArgument;
import static io.shale.engine.system.CatalogFunctions.scalar;

/**
 * has_*_privilege (has_column_privilege answers at table level) and pg_has_role over
 * {@link Privileges}; unknown objects and privilege names fail as in PostgreSQL.
 */
final class PrivilegeFunctions {
    private PrivilegeFunctions() {
    }

    /** The object kinds with their PostgreSQL oids of the six overloads and accepted privileges. */
    private enum Kind {
        TABLE("has_table_privilege", 1922, Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
                "TRIGGER")),
        SEQUENCE("has_sequence_privilege", 2181, Set.of("USAGE", "SELECT", "UPDATE")),
        DATABASE("has_database_privilege", 2250, Set.of("CREATE", "CONNECT", "TEMPORARY", "TEMP")),
        FUNCTION("has_function_privilege", 2256, Set.of("EXECUTE")),
        SCHEMA("has_schema_privilege", 2268, Set.of("CREATE", "USAGE"));

        final String function;
        final long firstOid;
        final Set<String> privileges;

        Kind(String function, long firstOid, Set<String> privileges) {
            this.function = function;
            this.firstOid = firstOid;
            this.privileges = privileges;
        }
    }

    static void addTo(List<CatalogFunction> out, CatalogServices s) {
        for (Kind kind : Kind.values()) {
            long oid = kind.firstOid;
            for (int user : new int[] {NAME, OID}) {
                for (int object : new int[] {TEXT, OID}) {
                    out.add(scalar(kind.function, oid++, List.of(user, object, TEXT), BOOL, 's', (c, a) ->
                            check(c, s, kind, role(c.catalog(), a[0]).oid(), a[1], (String) a[2])));
                }
            }
            for (int object : new int[] {TEXT, OID}) {
                out.add(scalar(kind.function, oid++, List.of(object, TEXT), BOOL, 's',
                        (c, a) -> check(c, s, kind, c.currentUserOid(), a[0], (String) a[1])));
            }
        }
        columnPrivileges(out, s);
        roles(out);
    }

    private static void columnPrivileges(List<CatalogFunction> out, CatalogServices s) {
        long oid = 3012;
        for (int user : new int[] {NAME, OID}) {
            for (int table : new int[] {TEXT, OID}) {
                for (int column : new int[] {TEXT, TypeOids.INT2}) {
                    out.add(scalar("has_column_privilege", oid++, List.of(user, table, column, TEXT), BOOL, 's',
                            (c, a) -> column(c, s, role(c.catalog(), a[0]).oid(), a[1], a[2], (String) a[3])));
                }
            }
        }
        for (int table : new int[] {TEXT, OID}) {
            for (int column : new int[] {TEXT, TypeOids.INT2}) {
                out.add(scalar("has_column_privilege", oid++, List.of(table, column, TEXT), BOOL, 's',
                        (c, a) -> column(c, s, c.currentUserOid(), a[0], a[1], (String) a[2])));
            }
        }
    }

    private static void roles(List<CatalogFunction> out) {
        long oid = 2705;
        for (int user : new int[] {NAME, OID}) {
            for (int role : new int[] {NAME, OID}) {
                out.add(scalar("pg_has_role", oid++, List.of(user, role, TEXT), BOOL, 's',
                        (c, a) -> hasRole(c.catalog(), role(c.catalog(), a[0]), a[1], (String) a[2])));
            }
        }
        for (int role : new int[] {NAME, OID}) {
            out.add(scalar("pg_has_role", oid++, List.of(role, TEXT), BOOL, 's',
                    (c, a) -> hasRole(c.catalog(), c.catalog().role(c.currentUserOid()), a[0], (String) a[1])));
        }
    }

    private static Boolean check(EvalContext c, CatalogServices s, Kind kind, int user, Object object,
                                 String privilege) {
        checkPrivilege(kind.privileges, privilege);
        NameResolver resolver = new NameResolver(EvalScans.scan(c, s), s.system());
        Catalog catalog = c.catalog();
        long oid;
        if (object instanceof String name) {
            oid = switch (kind) {
                case TABLE -> resolver.relationOid(name);
                case SEQUENCE -> {
                    long found = resolver.relationOid(name);
                    if (!(catalog.objects(c.databaseOid()).relation((int) found) instanceof Sequence)) {
                        throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE,
                                "\"" + NameResolver.parts(name).getLast() + "\" is not a sequence");
                    }
                    yield found;
                }
                case DATABASE -> {
                    Database db = catalog.database(name);
                    if (db == null) {
                        throw new ShaleException(ErrorCode.INVALID_CATALOG_NAME,
                                "database \"" + name + "\" does not exist");
                    }
                    yield db.oid();
                }
                case FUNCTION -> resolver.procOid(name);
                case SCHEMA -> resolver.namespaceOid(name);
            };
        } else {
            oid = oidArgument(object);
            boolean exists = switch (kind) {
                case TABLE -> catalog.objects(c.databaseOid()).relation((int) oid) != null
                        || s.system().relation((int) oid) != null;
                case SEQUENCE -> catalog.objects(c.databaseOid()).relation((int) oid) instanceof Sequence;
                case DATABASE -> catalog.database((int) oid) != null;
                case FUNCTION -> resolver.proc(oid) != null;
                case SCHEMA -> catalog.objects(c.databaseOid()).namespace((int) oid) != null;
            };
            if (!exists) {
                return null;
            }
        }
        return holds(c, kind, user, (int) oid, privilege, s);
    }

    /** Whether the user holds any of the comma-separated privileges (with grant option where asked). */
    private static boolean holds(EvalContext c, Kind kind, int user, int oid, String privilege, CatalogServices s) {
        Catalog catalog = c.catalog();
        Role role = catalog.role(user);
        if (role != null && role.superuser()) {
            return true;
        }
        AclObjectKind aclKind = switch (kind) {
            case TABLE -> AclObjectKind.TABLE;
            case SEQUENCE -> AclObjectKind.SEQUENCE;
            case DATABASE -> AclObjectKind.DATABASE;
            case FUNCTION -> AclObjectKind.FUNCTION;
            case SCHEMA -> AclObjectKind.SCHEMA;
        };
        for (String part : privilege.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            boolean option = p.endsWith(" WITH GRANT OPTION");
            if (option) {
                p = p.substring(0, p.length() - " WITH GRANT OPTION".length());
            }
            Privilege wanted = Privilege.valueOf(p.equals("TEMP") ? "TEMPORARY" : p);
            if (kind == Kind.TABLE && catalog.objects(c.databaseOid()).relation(oid) == null) {
                if (wanted == Privilege.SELECT && !option) {
                    return true;
                }
                continue;
            }
            boolean held = option
                    ? Privileges.hasGrantOption(catalog, c.databaseOid(), user, aclKind, oid, wanted)
                    : Privileges.has(catalog, c.databaseOid(), user, aclKind, oid, wanted);
            if (held) {
                return true;
            }
        }
        return false;
    }

    private static Boolean column(EvalContext c, CatalogServices s, int user, Object table, Object column,
                                  String privilege) {
        checkPrivilege(Set.of("SELECT", "INSERT", "UPDATE", "REFERENCES"), privilege);
        NameResolver resolver = new NameResolver(EvalScans.scan(c, s), s.system());
        long oid = table instanceof String name ? resolver.relationOid(name) : oidArgument(table);
        Relation r = c.catalog().objects(c.databaseOid()).relation((int) oid);
        if (r == null) {
            return s.system().relation((int) oid) != null ? Boolean.TRUE : null;
        }
        if (column instanceof String name) {
            if (!(r instanceof Table t) || t.column(name) == null) {
                throw new ShaleException(ErrorCode.UNDEFINED_COLUMN,
                        "column \"" + name + "\" of relation \"" + r.name() + "\" does not exist");
            }
            return holds(c, Kind.TABLE, user, r.oid(), privilege, s);
        }
        short attnum = ((Number) column).shortValue();
        return r instanceof Table t && attnum >= 1 && attnum <= t.columns().size() && !t.column(attnum).dropped()
                ? holds(c, Kind.TABLE, user, r.oid(), privilege, s) : null;
    }

    private static void checkPrivilege(Set<String> allowed, String privilege) {
        for (String part : privilege.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (p.endsWith(" WITH GRANT OPTION")) {
                p = p.substring(0, p.length() - " WITH GRANT OPTION".length());
            }
            if (!allowed.contains(p)) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "unrecognized privilege type: \"" + part.trim() + "\"");
            }
        }
    }

    private static Role role(Catalog catalog, Object user) {
        Role r = user instanceof String name ? catalog.role(name) : catalog.role((int) oidArgument(user));
        if (r == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, user instanceof String name
                    ? "role \"" + name + "\" does not exist" : "role with OID " + user + " does not exist");
        }
        return r;
    }

    private static boolean hasRole(Catalog catalog, Role user, Object role, String privilege) {
        checkPrivilege(Set.of("MEMBER", "USAGE", "MEMBER WITH ADMIN OPTION", "USAGE WITH ADMIN OPTION"), privilege);
        Role target = role(catalog, role);
        if (user == null) {
            return false;
        }
        for (String part : privilege.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            boolean held = p.endsWith("WITH ADMIN OPTION")
                    ? user.superuser() || Privileges.hasAdminOption(catalog, user.oid(), target.oid())
                    : p.equals("MEMBER") ? Privileges.isMember(catalog, user.oid(), target.oid())
                    : Privileges.hasMembership(catalog, user.oid(), target.oid());
            if (held) {
                return true;
            }
        }
        return false;
    }
}
