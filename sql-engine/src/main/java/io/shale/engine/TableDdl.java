package io.shale.engine;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.analyze.AnalyzerContext;
import io.shale.engine.analyze.QueryAnalyzer;
import io.shale.engine.analyze.StandaloneExpressions;
import io.shale.engine.exec.KeyBytes;
import io.shale.engine.exec.Operator;
import io.shale.engine.exec.OperatorFactory;
import io.shale.engine.plan.OutputColumn;
import io.shale.grammar.SqlFormatter;
import io.shale.grammar.ast.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CREATE/ALTER/DROP TABLE, CREATE/DROP INDEX, TRUNCATE, and renames of relations. */
final class TableDdl {
    private final DdlExecutor ddl;
    private final ColumnDefinitions columns;

    TableDdl(DdlExecutor ddl) {
        this.ddl = ddl;
        this.columns = new ColumnDefinitions(ddl);
    }

    String createTable(CreateTable c) {
        AnalyzerContext analyzer = ddl.analyzer();
        Namespace ns = analyzer.creationNamespace(c.name(), 0);
        String name = last(c.name());
        if (exists(ns, name, c.ifNotExists())) {
            return "CREATE TABLE";
        }
        if (c.persistence() == Persistence.TEMPORARY && c.name().parts().size() > 1
                && !ns.name().startsWith("pg_temp")) {
            throw new ShaleException(ErrorCode.INVALID_TABLE_DEFINITION,
                    "cannot create temporary relation in non-temporary schema");
        }
        if (c.persistence() == Persistence.TEMPORARY) {
            throw StatementExecutor.unsupported("CREATE TEMPORARY TABLE");
        }
        if (!c.inherits().isEmpty() && io.shale.engine.citus.TenantSchemas.isDistributed(
                ddl.catalog().objects(ddl.database()), ns.oid())) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "tables in a distributed schema cannot inherit or be inherited");
        }
        if (!c.inherits().isEmpty() || c.partitionBy() != null) {
            throw StatementExecutor.unsupported(c.partitionBy() != null ? "PARTITION BY" : "INHERITS");
        }
        if (c.accessMethod() != null && !c.accessMethod().equals("heap")) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "access method \"" + c.accessMethod()
                    + "\" is not supported yet");
        }
        CatalogEditor editor = ddl.edit();
        Table table = new Table(editor.newOid(), ns.oid(), name, ddl.owner(), List.of(), editor.newStorageId(), "heap",
                options(c.options()), c.persistence() == Persistence.UNLOGGED ? 'u' : 'p', 'd');
        List<TableConstraint> constraints = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        for (TableElement e : c.elements()) {
            switch (e) {
                case ColumnDefinition d -> {
                    if (table.column(d.name()) != null || cols.stream().anyMatch(x -> x.name().equals(d.name()))) {
                        throw new ShaleException(ErrorCode.DUPLICATE_COLUMN, "column \"" + d.name() + "\" specified more than once");
                    }
                    cols.add(columns.column(editor, table.withColumns(cols), d, cols.size() + 1, constraints));
                }
                case TableConstraint t -> constraints.add(t);
            }
        }
        table = table.withColumns(cols);
        editor.putRelation(ddl.database(), table);
        DefaultPrivileges.applyTo(editor, ddl.database(), table);
        ConstraintDdl constraintDdl = new ConstraintDdl(ddl);
        for (TableConstraint t : constraints) {
            table = constraintDdl.add(editor, table, t.constraint(), false);
        }
        ddl.commit(editor);
        constraintDdl.finish();
        return "CREATE TABLE";
    }

    private boolean exists(Namespace ns, String name, boolean ifNotExists) {
        if (ddl.catalog().objects(ddl.database()).relation(ns.oid(), name) == null) {
            return false;
        }
        if (ifNotExists) {
            ddl.notice("42P07", "relation \"" + name + "\" already exists, skipping");
            return true;
        }
        throw new ShaleException(ErrorCode.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
    }

    static Map<String, String> options(List<Property> properties) {
        Map<String, String> options = new HashMap<>();
        for (Property p : properties) {
            options.put(p.name(), p.value() == null ? "true" : p.value());
        }
        return options;
    }

    static String last(QualifiedName name) {
        return name.parts().get(name.parts().size() - 1);
    }

    String createTableAs(CreateTableAs c) {
        AnalyzerContext analyzer = ddl.analyzer();
        Namespace ns = analyzer.creationNamespace(c.name(), 0);
        String name = last(c.name());
        if (exists(ns, name, c.ifNotExists())) {
            return "CREATE TABLE AS";
        }
        QueryAnalyzer.AnalyzedQuery query = new QueryAnalyzer(analyzer).analyze(c.query(), null);
        analyzer.requiredPrivileges().check(ddl.catalog(), ddl.database(), ddl.state().currentUserOid());
        CatalogEditor editor = ddl.edit();
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < query.columns().size(); i++) {
            OutputColumn o = query.columns().get(i);
            String columnName = i < c.columns().size() ? c.columns().get(i) : o.name();
            SqlType type = o.type().oid() == io.shale.common.types.TypeOids.UNKNOWN ? SqlType.TEXT : o.type();
            cols.add(Column.of(columnName, i + 1, type));
        }
        Table table = new Table(editor.newOid(), ns.oid(), name, ddl.owner(), cols, editor.newStorageId(), "heap",
                options(c.options()), 'p', 'd');
        editor.putRelation(ddl.database(), table);
        DefaultPrivileges.applyTo(editor, ddl.database(), table);
        ddl.commit(editor);
        long rows = 0;
        if (c.withData()) {
            var ctx = ddl.executor.context(new Object[0]);
            try (Operator op = new OperatorFactory().create(query.plan(), ctx)) {
                for (Object[] r = op.next(); r != null; r = op.next()) {
                    Object[] stored = java.util.Arrays.copyOf(r, cols.size() + 1);
                    ddl.engine.tables().insert(ctx.transaction(), ddl.catalog(), ddl.database(), table, stored,
                            ctx.formatSettings());
                    rows++;
                }
            }
            io.shale.engine.citus.TenantSchemas.copyLocalRows(ddl.state(), table.oid());
        }
        return "SELECT " + rows;
    }

    String createIndex(CreateIndex c) {
        Relation r = ddl.relation(c.table());
        if (!(r instanceof Table table)) {
            throw r == null ? new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", c.table().parts())
                    + "\" does not exist") : new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + r.name() + "\" is not a table");
        }
        if (c.method() != null && !c.method().equals("btree") && !c.method().equals("hash")) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "access method \"" + c.method() + "\" is not supported");
        }
        if (c.name() != null && ddl.catalog().objects(ddl.database()).relation(table.namespaceOid(), c.name()) != null) {
            if (c.ifNotExists()) {
                ddl.notice("42P07", "relation \"" + c.name() + "\" already exists, skipping");
                return "CREATE INDEX";
            }
            throw new ShaleException(ErrorCode.DUPLICATE_TABLE, "relation \"" + c.name() + "\" already exists");
        }
        CatalogEditor editor = ddl.edit();
        List<Index.IndexKey> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (IndexElement e : c.elements()) {
            if (e.column() == null) {
                throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "expression indexes are not supported yet");
            }
            Column col = requireColumn(table, e.column());
            boolean desc = e.order() == SortOrder.DESC;
            boolean nullsFirst = e.nullOrdering() == NullOrdering.FIRST || e.nullOrdering() != NullOrdering.LAST && desc;
            keys.add(new Index.IndexKey(col.attnum(), null, desc, nullsFirst));
            names.add(col.name());
        }
        for (String inc : c.include()) {
            keys.add(Index.IndexKey.column(requireColumn(table, inc).attnum()));
        }
        String predicate = null;
        if (c.where() != null) {
            StandaloneExpressions.overTable(ddl.analyzer(), table, c.where(), "index predicate");
            predicate = SqlFormatter.format(c.where());
        }
        String name = c.name() != null ? c.name() : ddl.freeName(table.namespaceOid(), table.name() + "_" + String.join("_", names) + "_idx");
        Index index = new Index(editor.newOid(), table.namespaceOid(), name, table.ownerOid(), table.oid(), keys,
                c.elements().size(), c.unique(), false, predicate, "btree", editor.newStorageId());
        if (predicate != null) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "partial indexes are not supported yet");
        }
        editor.putRelation(ddl.database(), index);
        ddl.commit(editor);
        build(table, index);
        return "CREATE INDEX";
    }

    /** Fills a new index from the table's rows; a duplicate in a unique index fails as PostgreSQL's does. */
    void build(Table table, Index index) {
        build(table, index, row -> { });
    }

    /** Fills a new index, showing each existing row to {@code check} first (one scan for checks and build). */
    void build(Table table, Index index, java.util.function.Consumer<Object[]> check) {
        try {
            ddl.engine.tables().buildIndex(ddl.state().transaction(), ddl.catalog(), ddl.database(), table, index,
                    ddl.state().formatSettings(), check);
        } catch (ShaleException e) {
            if (e.code() == ErrorCode.UNIQUE_VIOLATION) {
                throw new ShaleException(ErrorCode.UNIQUE_VIOLATION, "could not create unique index \"" + index.name() + "\"")
                        .withDetail(e.detail() == null ? null : e.detail().replace("already exists", "is duplicated"));
            }
            throw e;
        }
    }

    static Column requireColumn(Table table, String name) {
        Column c = table.column(name);
        if (c == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist");
        }
        return c;
    }

    String truncate(Truncate t) {
        CatalogEditor editor = ddl.edit();
        DatabaseCatalog objects = ddl.catalog().objects(ddl.database());
        List<Table> targets = new ArrayList<>();
        for (QualifiedName name : t.tables()) {
            Relation r = ddl.relation(name);
            if (!(r instanceof Table table)) {
                throw r == null ? new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", name.parts())
                        + "\" does not exist") : new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + r.name() + "\" is not a table");
            }
            targets.add(table);
        }
        for (Table table : targets) {
            for (Constraint fk : objects.foreignKeysReferencing(table.oid())) {
                boolean referencingTruncated = targets.stream().anyMatch(x -> x.oid() == fk.tableOid());
                if (!referencingTruncated && t.behavior() != DropBehavior.CASCADE) {
                    Relation referencing = objects.relation(fk.tableOid());
                    throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot truncate a table referenced in a foreign key constraint")
                            .withDetail("Table \"" + referencing.name() + "\" references \"" + table.name() + "\".")
                            .withHint("Truncate table \"" + referencing.name() + "\" at the same time, or use TRUNCATE ... CASCADE.");
                }
            }
        }
        List<Long> freed = new ArrayList<>();
        for (Table table : targets) {
            Table renewed = table.withStorageId(editor.newStorageId());
            editor.putRelation(ddl.database(), renewed);
            freed.add(table.storageId());
            for (Index index : objects.indexesOf(table.oid())) {
                editor.putRelation(ddl.database(), index.withStorageId(editor.newStorageId()));
                freed.add(index.storageId());
            }
            if (t.restartIdentity()) {
                for (Relation r : objects.relations()) {
                    if (r instanceof Sequence s && s.ownedByTable() == table.oid()) {
                        ddl.state().afterCommit(() -> ddl.engine.sequences().restart(s, s.start()));
                    }
                }
            }
        }
        ddl.commit(editor);
        freeAfterCommit(freed);
        return "TRUNCATE TABLE";
    }

    /** Frees the store ranges of storage ids once the transaction that stopped using them commits. */
    void freeAfterCommit(List<Long> storageIds) {
        ddl.state().afterCommit(() -> {
            for (long id : storageIds) {
                ddl.engine.store().destroyRange(KeyBytes.ofLong(id).toArray(), KeyBytes.ofLong(id + 1).toArray());
                ddl.engine.tables().forget(id);
            }
        });
    }

    String dropRelations(DropObjects d) {
        CatalogEditor editor = ddl.edit();
        List<Long> freed = new ArrayList<>();
        String kind = d.type().name().toLowerCase(java.util.Locale.ROOT);
        for (QualifiedName name : d.names()) {
            Relation r = ddl.analyzer().findRelation(name);
            if (r == null) {
                if (d.ifExists()) {
                    ddl.notice(kind + " \"" + String.join(".", name.parts()) + "\" does not exist, skipping");
                    continue;
                }
                throw new ShaleException(ErrorCode.UNDEFINED_TABLE, kind + " \"" + String.join(".", name.parts())
                        + "\" does not exist");
            }
            char wanted = switch (d.type()) {
                case TABLE -> 'r';
                case VIEW -> 'v';
                case INDEX -> 'i';
                default -> 'S';
            };
            if (r.kind() != wanted) {
                throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + r.name() + "\" is not a" + (kind.equals("index") ? "n " : " ")
                        + kind).withHint("Use DROP " + kindName(r).toUpperCase(java.util.Locale.ROOT) + " to remove a " + kindName(r) + ".");
            }
            new Dropper(ddl, editor, d.behavior() == DropBehavior.CASCADE, freed).dropRelation(r);
        }
        ddl.commit(editor);
        freeAfterCommit(freed);
        return "DROP " + d.type().name();
    }

    static String kindName(Relation r) {
        return switch (r) {
            case Table t -> "table";
            case View v -> "view";
            case Index i -> "index";
            case Sequence s -> "sequence";
        };
    }

    String renameRelation(RenameObject r) {
        Relation rel = ddl.relation(r.name());
        if (rel == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", r.name().parts()) + "\" does not exist");
        }
        if (ddl.catalog().objects(ddl.database()).relation(rel.namespaceOid(), r.newName()) != null) {
            throw new ShaleException(ErrorCode.DUPLICATE_TABLE, "relation \"" + r.newName() + "\" already exists");
        }
        CatalogEditor editor = ddl.edit();
        editor.putRelation(ddl.database(), switch (rel) {
            case Table t -> t.withName(r.newName());
            case Index i -> i.withName(r.newName());
            case Sequence s -> s.withName(r.newName());
            case View v -> new View(v.oid(), v.namespaceOid(), r.newName(), v.ownerOid(), v.querySql(), v.columns());
        });
        if (rel instanceof Sequence) {
            String schema = ddl.namespace(rel.namespaceOid()).name();
            ColumnDefinitions.replaceInDefaults(editor, ddl.database(), ColumnDefinitions.nextvalDefault(schema,
                    rel.name()), ColumnDefinitions.nextvalDefault(schema, r.newName()));
        }
        ddl.commit(editor);
        return "ALTER " + (rel instanceof Index ? "INDEX" : rel instanceof Sequence ? "SEQUENCE" : rel instanceof View ? "VIEW" : "TABLE");
    }

    String alterTable(AlterTable a) {
        Relation r = ddl.relation(a.name());
        if (r == null) {
            if (a.ifExists()) {
                ddl.notice("relation \"" + String.join(".", a.name().parts()) + "\" does not exist, skipping");
                return "ALTER TABLE";
            }
            throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", a.name().parts()) + "\" does not exist");
        }
        if (!(r instanceof Table)) {
            throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + r.name() + "\" is not a table");
        }
        AlterTableDdl alter = new AlterTableDdl(ddl, this, columns);
        for (AlterTableAction action : a.actions()) {
            boolean wasDistributed = ddl.catalog().objects(ddl.database()).distributedTable(r.oid()) != null;
            if (action instanceof SetSchema s) {
                io.shale.engine.citus.TenantSchemas.beforeSetSchema(ddl.state(),
                        (Table) ddl.catalog().objects(ddl.database()).relation(r.oid()),
                        ddl.catalog().objects(ddl.database()).namespace(s.schema()));
            }
            alter.apply((Table) ddl.catalog().objects(ddl.database()).relation(r.oid()), action);
            if (action instanceof SetSchema && !wasDistributed) {
                io.shale.engine.citus.TenantSchemas.copyLocalRows(ddl.state(), r.oid());
            }
        }
        return "ALTER TABLE";
    }
}
