package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Database;
import io.shale.catalog.Role;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** CREATE/DROP DATABASE and CREATE/ALTER/DROP ROLE. */
final class RoleDdl {
    private final DdlExecutor ddl;

    RoleDdl(DdlExecutor ddl) {
        this.ddl = ddl;
    }

    String createDatabase(CreateDatabase c) {
        outsideBlock("CREATE DATABASE");
        int owner = ddl.owner();
        String template = "template1";
        for (Property p : c.options()) {
            switch (p.name()) {
                case "owner" -> owner = ddl.role(new RoleSpecification(RoleSpecificationKind.NAME, p.value())).oid();
                case "template" -> template = p.value();
                case "encoding" -> {
                    if (!p.value().equalsIgnoreCase("UTF8") && !p.value().equalsIgnoreCase("UTF-8")) {
                        throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "encoding \"" + p.value() + "\" is not supported");
                    }
                }
                default -> {
                }
            }
        }
        String templateName = template;
        int ownerOid = owner;
        autonomous(editor -> {
            Catalog base = editor.base();
            if (base.database(c.name()) != null) {
                throw new ShaleException(ErrorCode.DUPLICATE_DATABASE, "database \"" + c.name() + "\" already exists");
            }
            Database source = base.database(templateName);
            if (source == null) {
                throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "template database \"" + templateName + "\" does not exist");
            }
            editor.createDatabase(new Database(editor.newOid(), c.name(), ownerOid, true, -1, false), source.oid());
        });
        return "CREATE DATABASE";
    }

    String dropDatabase(DropDatabase d) {
        outsideBlock("DROP DATABASE");
        if (d.name().equals(ddl.session.database.name())) {
            throw new ShaleException(ErrorCode.OBJECT_IN_USE, "cannot drop the currently open database");
        }
        autonomous(editor -> {
            Database db = editor.base().database(d.name());
            if (db == null) {
                if (d.ifExists()) {
                    ddl.notice("database \"" + d.name() + "\" does not exist, skipping");
                    return;
                }
                throw new ShaleException(ErrorCode.INVALID_CATALOG_NAME, "database \"" + d.name() + "\" does not exist");
            }
            long users = ddl.engine.sessions().stream().filter(s -> s.database.oid() == db.oid()).count();
            if (users > 0) {
                throw new ShaleException(ErrorCode.OBJECT_IN_USE, "database \"" + d.name() + "\" is being accessed by other users")
                        .withDetail("There " + (users == 1 ? "is 1 other session" : "are " + users + " other sessions") + " using the database.");
            }
            editor.dropDatabase(db.oid());
        });
        return "DROP DATABASE";
    }

    String renameDatabase(RenameObject r) {
        throw StatementExecutor.unsupported("ALTER DATABASE … RENAME");
    }

    private void outsideBlock(String command) {
        if (ddl.state().mode() == SessionState.Mode.BLOCK || ddl.state().mode() == SessionState.Mode.FAILED
                || ddl.state().transaction() != null) {
            throw new ShaleException(ErrorCode.ACTIVE_SQL_TRANSACTION, command + " cannot run inside a transaction block");
        }
    }

    /** A catalog change that commits on its own, outside any transaction (CREATE/DROP DATABASE). */
    private void autonomous(Consumer<CatalogEditor> change) {
        ddl.state().commitCatalogAlone(change);
    }

    String createRole(CreateRole c) {
        if (ddl.catalog().role(c.name()) != null) {
            throw new ShaleException(ErrorCode.DUPLICATE_OBJECT, "role \"" + c.name() + "\" already exists");
        }
        if (c.name().startsWith("pg_")) {
            throw new ShaleException(ErrorCode.RESERVED_NAME, "role name \"" + c.name() + "\" is reserved")
                    .withDetail("Role names starting with \"pg_\" are reserved.");
        }
        CatalogEditor editor = ddl.edit();
        Role role = new Role(editor.newOid(), c.name(), false, true, false, false, c.user(), false, false, -1, null, null);
        role = apply(role, c.options());
        editor.putRole(role);
        MembershipDdl memberships = new MembershipDdl(ddl);
        for (RoleOption o : c.options()) {
            switch (o) {
                case InRole in -> {
                    for (String name : in.roles()) {
                        memberships.addMembers(editor, memberships.named(name), List.of(role), false);
                    }
                }
                case RoleMembers m -> {
                    List<Role> members = new ArrayList<>();
                    for (String name : m.roles()) {
                        members.add(memberships.named(name));
                    }
                    memberships.addMembers(editor, role, members, m.admin());
                }
                default -> {
                }
            }
        }
        ddl.commit(editor);
        return c.user() ? "CREATE ROLE" : "CREATE ROLE";
    }

    String alterRole(AlterRole a) {
        Role role = ddl.role(a.role());
        CatalogEditor editor = ddl.edit();
        for (RoleOption o : a.options()) {
            if (o instanceof InRole || o instanceof RoleMembers) {
                throw new ShaleException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + (o instanceof InRole
                        ? "IN" : ((RoleMembers) o).admin() ? "ADMIN" : "ROLE") + "\"");
            }
        }
        editor.putRole(apply(role, a.options()));
        ddl.commit(editor);
        return "ALTER ROLE";
    }

    private Role apply(Role r, List<RoleOption> options) {
        boolean superuser = r.superuser();
        boolean inherit = r.inherit();
        boolean createRole = r.createRole();
        boolean createDb = r.createDb();
        boolean login = r.canLogin();
        boolean replication = r.replication();
        boolean bypassRls = r.bypassRls();
        int limit = r.connectionLimit();
        String password = r.password();
        String validUntil = r.validUntil();
        for (RoleOption o : options) {
            switch (o) {
                case RoleFlag f -> {
                    switch (f.flag()) {
                        case "superuser" -> superuser = f.enabled();
                        case "inherit" -> inherit = f.enabled();
                        case "createrole" -> createRole = f.enabled();
                        case "createdb" -> createDb = f.enabled();
                        case "login" -> login = f.enabled();
                        case "replication" -> replication = f.enabled();
                        case "bypassrls" -> bypassRls = f.enabled();
                        default -> throw new ShaleException(ErrorCode.SYNTAX_ERROR, "unrecognized role option \"" + f.flag() + "\"");
                    }
                }
                case ConnectionLimit l -> limit = (int) l.limit();
                case RolePassword p -> password = storedPassword(p.password());
                case ValidUntil v -> validUntil = v.timestamp();
                case InRole in -> {
                }
                case RoleMembers m -> {
                }
            }
        }
        return new Role(r.oid(), r.name(), superuser, inherit, createRole, createDb, login, replication, bypassRls,
                limit, password, validUntil);
    }

    /**
     * A password as PostgreSQL stores it with password_encryption = scram-sha-256: a SCRAM
     * verifier (after SASLprep), unless the text already is a verifier or an md5 hash.
     */
    private static String storedPassword(String password) {
        if (password == null || io.shale.common.auth.ScramSha256.isVerifier(password) || password.matches("md5[0-9a-f]{32}")) {
            return password;
        }
        return io.shale.common.auth.ScramSha256.create(password);
    }

    String dropRole(DropRole d) {
        CatalogEditor editor = ddl.edit();
        for (String name : d.names()) {
            Role role = ddl.catalog().role(name);
            if (role == null) {
                if (d.ifExists()) {
                    ddl.notice("role \"" + name + "\" does not exist, skipping");
                    continue;
                }
                throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
            }
            if (role.oid() == ddl.session.sessionRole.oid()) {
                throw new ShaleException(ErrorCode.OBJECT_IN_USE, "current user cannot be dropped");
            }
            if (role.oid() == Catalog.BOOTSTRAP_SUPERUSER) {
                throw new ShaleException(ErrorCode.OBJECT_IN_USE, "cannot drop role " + name + " because it is required by the database system");
            }
            List<String> dependencies = RoleDependencies.of(ddl.catalog(), role.oid(), ddl.database(),
                    ddl.state().currentSchemas(true));
            if (!dependencies.isEmpty()) {
                throw new ShaleException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "role \"" + name
                        + "\" cannot be dropped because some objects depend on it")
                        .withDetail(String.join("\n", dependencies));
            }
            editor.dropRole(role.oid());
        }
        ddl.commit(editor);
        return "DROP ROLE";
    }

    String renameRole(RenameObject r) {
        Role role = ddl.role(new RoleSpecification(RoleSpecificationKind.NAME, TableDdl.last(r.name())));
        if (ddl.catalog().role(r.newName()) != null) {
            throw new ShaleException(ErrorCode.DUPLICATE_OBJECT, "role \"" + r.newName() + "\" already exists");
        }
        CatalogEditor editor = ddl.edit();
        editor.putRole(new Role(role.oid(), r.newName(), role.superuser(), role.inherit(), role.createRole(), role.createDb(),
                role.canLogin(), role.replication(), role.bypassRls(), role.connectionLimit(), role.password(), role.validUntil()));
        ddl.commit(editor);
        return "ALTER ROLE";
    }
}
