package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeNames;
import io.shale.engine.analyze.AnalyzerContext;
import io.shale.engine.session.Notice;
import io.shale.engine.system.Identifiers;
import io.shale.grammar.ast.*;

import java.util.List;

/**
 * Data definition statements. Each one edits the session transaction's catalog (taking the
 * node's DDL lock until the transaction ends), so DDL is transactional as in PostgreSQL.
 */
final class DdlExecutor {
    final Engine engine;
    final EngineSession session;
    final StatementExecutor executor;
    private final TableDdl tables;
    private final SchemaDdl schemas;
    private final RoleDdl roles;

    DdlExecutor(Engine engine, EngineSession session, StatementExecutor executor) {
        this.engine = engine;
        this.session = session;
        this.executor = executor;
        this.tables = new TableDdl(this);
        this.schemas = new SchemaDdl(this);
        this.roles = new RoleDdl(this);
    }

    Outcome run(Statement statement) {
        DdlPermissions.check(this, statement);
        String tag = switch (statement) {
            case CreateTable c -> tables.createTable(c);
            case CreateTableAs c -> tables.createTableAs(c);
            case AlterTable a -> tables.alterTable(a);
            case CreateIndex c -> tables.createIndex(c);
            case Truncate t -> tables.truncate(t);
            case DropObjects d -> drop(d);
            case CreateSchema c -> schemas.createSchema(c);
            case CreateSequence c -> schemas.createSequence(c);
            case AlterSequence a -> schemas.alterSequence(a);
            case CreateView c -> schemas.createView(c);
            case CreateEnumType c -> schemas.createEnum(c);
            case CreateExtension c -> schemas.createExtension(c);
            case CreateDatabase c -> roles.createDatabase(c);
            case DropDatabase d -> roles.dropDatabase(d);
            case CreateRole c -> roles.createRole(c);
            case AlterRole a -> roles.alterRole(a);
            case AlterRoleSet a -> throw StatementExecutor.unsupported("ALTER ROLE … SET");
            case DropRole d -> roles.dropRole(d);
            case Comment c -> schemas.comment(c);
            case RenameObject r -> rename(r);
            case AlterOwner a -> schemas.alterOwner(a);
            case Grant g -> throw privileges();
            case Revoke r -> throw privileges();
            case GrantRole g -> throw privileges();
            case RevokeRole r -> throw privileges();
            case AlterDefaultPrivileges a -> throw privileges();
            default -> throw StatementExecutor.unsupported(statement.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toUpperCase(java.util.Locale.ROOT));
        };
        return tag.startsWith("SELECT ") ? new Outcome.Done(tag) : new Outcome.Done(tag);
    }

    private static ShaleException privileges() {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "GRANT and REVOKE are not supported yet: privileges arrive with roles and distributed schemas");
    }

    private String drop(DropObjects d) {
        return switch (d.type()) {
            case TABLE, VIEW, INDEX, SEQUENCE -> tables.dropRelations(d);
            case SCHEMA -> schemas.dropSchemas(d);
            case TYPE -> schemas.dropTypes(d);
            case DATABASE -> throw new IllegalStateException("DROP DATABASE has its own statement");
            case ROLE -> throw new IllegalStateException("DROP ROLE has its own statement");
            case EXTENSION -> schemas.dropExtensions(d);
            default -> throw StatementExecutor.unsupported("DROP " + d.type().name().replace('_', ' '));
        };
    }

    private String rename(RenameObject r) {
        return switch (r.type()) {
            case TABLE, VIEW, INDEX, SEQUENCE -> tables.renameRelation(r);
            case SCHEMA -> schemas.renameSchema(r);
            case ROLE -> roles.renameRole(r);
            case DATABASE -> roles.renameDatabase(r);
            default -> throw StatementExecutor.unsupported("ALTER " + r.type().name() + " … RENAME");
        };
    }

    // helpers shared by the DDL classes

    SessionState state() {
        return session.state;
    }

    int database() {
        return session.database.oid();
    }

    Catalog catalog() {
        return session.state.catalog();
    }

    CatalogEditor edit() {
        return session.state.editCatalog();
    }

    void commit(CatalogEditor editor) {
        io.shale.engine.citus.DistributedDdl.propagate(session.state, editor);
        session.state.catalogChanged(editor.build());
    }

    AnalyzerContext analyzer() {
        return executor.analyzerContext(List.of());
    }

    void notice(String message) {
        session.state.notice(new Notice("NOTICE", "00000", message, null, null));
    }

    void notice(String sqlState, String message) {
        session.state.notice(new Notice("NOTICE", sqlState, message, null, null));
    }

    /**
     * A column type as stored expressions name it (without its modifier, as pg_get_expr casts):
     * a built-in type as format_type prints it, an enum or an array of one schema-qualified, so
     * that the text reads back to the same type whatever the search_path. Null for a type that
     * has no such name (a table's row type).
     */
    String storedTypeName(SqlType type) {
        SqlType plain = SqlType.of(type.oid());
        if (BuiltinTypes.byOid(plain.oid()) != null) {
            return TypeNames.format(plain);
        }
        for (EnumType e : catalog().objects(database()).enumTypes()) {
            if (e.oid() == plain.oid() || e.arrayOid() == plain.oid()) {
                String name = Identifiers.quote(namespace(e.namespaceOid()).name()) + "." + Identifiers.quote(e.name());
                return e.oid() == plain.oid() ? name : name + "[]";
            }
        }
        return null;
    }

    Namespace namespace(int oid) {
        return catalog().objects(database()).namespace(oid);
    }

    Relation relation(QualifiedName name) {
        return analyzer().findRelation(name);
    }

    int owner() {
        return session.sessionRole.oid();
    }

    Role role(RoleSpecification spec) {
        String name = switch (spec.kind()) {
            case NAME -> spec.name();
            case CURRENT_ROLE, CURRENT_USER, SESSION_USER -> session.sessionRole.name();
            case PUBLIC -> throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "role \"public\" cannot be used here");
        };
        Role role = catalog().role(name);
        if (role == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        return role;
    }

    /** A relation name not yet used in the schema: {@code base}, or base1, base2, …. */
    String freeName(int namespaceOid, String base) {
        return freeName(catalog().objects(database()), namespaceOid, base);
    }

    /** {@link #freeName(int, String)} in a catalog being edited (names taken earlier in the same statement count). */
    String freeName(io.shale.catalog.DatabaseCatalog objects, int namespaceOid, String base) {
        String name = truncate(base);
        for (int i = 1; objects.relation(namespaceOid, name) != null || constraintNamed(objects, namespaceOid, name); i++) {
            name = truncate(base) + i;
        }
        return name;
    }

    private static boolean constraintNamed(io.shale.catalog.DatabaseCatalog objects, int namespaceOid, String name) {
        for (var c : objects.constraints()) {
            if (c.namespaceOid() == namespaceOid && c.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    static String truncate(String name) {
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
