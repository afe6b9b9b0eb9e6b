package io.shale.engine;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.analyze.StandaloneExpressions;
import io.shale.engine.exec.Operator;
import io.shale.engine.plan.Expr;
import io.shale.engine.system.Identifiers;
import io.shale.grammar.SqlFormatter;
import io.shale.grammar.ast.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds PRIMARY KEY, UNIQUE, CHECK and FOREIGN KEY constraints to a table. Indexes they create
 * are filled, and existing rows checked, by {@link #finish()} once the catalog change is made.
 */
final class ConstraintDdl {
    private final DdlExecutor ddl;
    private final List<Runnable> pending = new ArrayList<>();

    ConstraintDdl(DdlExecutor ddl) {
        this.ddl = ddl;
    }

    /** PostgreSQL's name for an unnamed CHECK: table_column_check when it uses one column, else table_check. */
    private static String checkName(Table table, Expr check) {
        java.util.Set<Integer> columns = new java.util.TreeSet<>();
        io.shale.engine.analyze.ExprRewriter.rewrite(check, e -> {
            if (e instanceof Expr.ColumnRef c) {
                columns.add(c.index());
            }
            return null;
        });
        if (columns.size() == 1 && columns.iterator().next() < table.columns().size()) {
            return table.name() + "_" + table.columns().get(columns.iterator().next()).name() + "_check";
        }
        return table.name() + "_check";
    }

    /** Adds a constraint; returns the table as it now is (key columns become NOT NULL). */
    Table add(CatalogEditor editor, Table table, ConstraintDefinition def, boolean existingRows) {
        DatabaseCatalog objects = editor.objects(ddl.database());
        return switch (def) {
            case PrimaryKeyConstraint p -> {
                for (Index i : objects.indexesOf(table.oid())) {
                    if (i.primary()) {
                        throw new ShaleException(ErrorCode.INVALID_TABLE_DEFINITION, "multiple primary keys for table \""
                                + table.name() + "\" are not allowed");
                    }
                }
                List<Column> columns = new ArrayList<>(table.columns());
                for (String name : p.columns()) {
                    Column c = TableDdl.requireColumn(table, name);
                    columns.set(c.attnum() - 1, c.withNotNull(true));
                }
                Table updated = table.withColumns(columns);
                editor.putRelation(ddl.database(), updated);
                String name = p.name() != null ? p.name() : ddl.freeName(table.namespaceOid(), table.name() + "_pkey");
                keyConstraint(editor, updated, name, p.columns(), p.include(), 'p');
                yield updated;
            }
            case UniqueConstraint u -> {
                String name = u.name() != null ? u.name()
                        : ddl.freeName(table.namespaceOid(), table.name() + "_" + String.join("_", u.columns()) + "_key");
                keyConstraint(editor, table, name, u.columns(), u.include(), 'u');
                yield table;
            }
            case CheckConstraint c -> {
                Expr check = StandaloneExpressions.overTable(ddl.analyzer(), table, c.condition(), "CHECK");
                String name = c.name() != null ? c.name()
                        : ddl.freeName(objects, table.namespaceOid(), checkName(table, check));
                String sql = SqlFormatter.format(c.condition());
                editor.putConstraint(ddl.database(), new Constraint(editor.newOid(), table.namespaceOid(), name, 'c',
                        table.oid(), List.of(), 0, sql, 0, List.of(), ' ', ' ', true));
                if (existingRows) {
                    pending.add(() -> checkRows(table, name, c.condition()));
                }
                yield table;
            }
            case ForeignKeyConstraint f -> {
                foreignKey(editor, objects, table, f, existingRows);
                yield table;
            }
            default -> throw new ShaleException(ErrorCode.SYNTAX_ERROR, "this constraint cannot be added as a table constraint");
        };
    }

    private void keyConstraint(CatalogEditor editor, Table table, String name, List<String> columnNames, List<String> include,
                               char type) {
        List<Index.IndexKey> keys = new ArrayList<>();
        List<Short> attnums = new ArrayList<>();
        for (String c : columnNames) {
            short attnum = TableDdl.requireColumn(table, c).attnum();
            keys.add(Index.IndexKey.column(attnum));
            attnums.add(attnum);
        }
        for (String c : include) {
            keys.add(Index.IndexKey.column(TableDdl.requireColumn(table, c).attnum()));
        }
        if (editor.objects(ddl.database()).relation(table.namespaceOid(), name) != null) {
            throw new ShaleException(ErrorCode.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }
        Index index = new Index(editor.newOid(), table.namespaceOid(), name, table.ownerOid(), table.oid(), keys,
                columnNames.size(), true, type == 'p', null, "btree", editor.newStorageId());
        editor.putRelation(ddl.database(), index);
        editor.putConstraint(ddl.database(), new Constraint(editor.newOid(), table.namespaceOid(), name, type, table.oid(),
                attnums, index.oid(), null, 0, List.of(), ' ', ' ', true));
        if (type == 'p') {
            int[] notNull = new int[attnums.size()];
            for (int i = 0; i < notNull.length; i++) {
                notNull[i] = attnums.get(i) - 1;
            }
            pending.add(() -> new TableDdl(ddl).build(current(table), index, row -> checkNotNull(table, notNull, row)));
        } else {
            pending.add(() -> new TableDdl(ddl).build(current(table), index));
        }
    }

    private void foreignKey(CatalogEditor editor, DatabaseCatalog objects, Table table, ForeignKeyConstraint f, boolean existingRows) {
        Relation r = ddl.analyzer().findRelation(f.referencedTable());
        Table referenced = r instanceof Table t ? t : r == null && TableDdl.last(f.referencedTable()).equals(table.name()) ? table : null;
        if (referenced == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", f.referencedTable().parts())
                    + "\" does not exist");
        }
        List<Short> refColumns = new ArrayList<>();
        if (f.referencedColumns().isEmpty()) {
            Index pk = null;
            for (Index i : objects.indexesOf(referenced.oid())) {
                if (i.primary()) {
                    pk = i;
                }
            }
            if (pk == null) {
                throw new ShaleException(ErrorCode.INVALID_FOREIGN_KEY, "there is no primary key for referenced table \""
                        + referenced.name() + "\"");
            }
            for (int i = 0; i < pk.keyCount(); i++) {
                refColumns.add(pk.keys().get(i).attnum());
            }
        } else {
            for (String c : f.referencedColumns()) {
                refColumns.add(TableDdl.requireColumn(referenced, c).attnum());
            }
        }
        List<Short> columns = new ArrayList<>();
        for (String c : f.columns()) {
            columns.add(TableDdl.requireColumn(table, c).attnum());
        }
        if (columns.size() != refColumns.size()) {
            throw new ShaleException(ErrorCode.INVALID_FOREIGN_KEY, "number of referencing and referenced columns for foreign key disagree");
        }
        boolean unique = false;
        for (Index i : objects.indexesOf(referenced.oid())) {
            List<Short> keys = new ArrayList<>();
            for (int k = 0; k < i.keyCount(); k++) {
                keys.add(i.keys().get(k).attnum());
            }
            unique |= i.unique() && keys.equals(refColumns);
        }
        if (!unique) {
            throw new ShaleException(ErrorCode.INVALID_FOREIGN_KEY, "there is no unique constraint matching given keys for referenced table \""
                    + referenced.name() + "\"");
        }
        String name = f.name() != null ? f.name()
                : ddl.freeName(table.namespaceOid(), table.name() + "_" + String.join("_", f.columns()) + "_fkey");
        Constraint c = new Constraint(editor.newOid(), table.namespaceOid(), name, 'f', table.oid(), columns, 0, null,
                referenced.oid(), refColumns, action(f.onUpdate()), action(f.onDelete()), true);
        editor.putConstraint(ddl.database(), c);
        // a Citus table's rows are in its shards, whose own constraints are checked where they are placed
        if (existingRows && ddl.catalog().objects(ddl.database()).distributedTable(table.oid()) == null) {
            pending.add(() -> checkReferences(table, c));
        }
    }

    private static char action(ReferentialAction a) {
        if (a == null) {
            return 'a';
        }
        return switch (a) {
            case NO_ACTION -> 'a';
            case RESTRICT -> 'r';
            case CASCADE -> 'c';
            case SET_NULL -> 'n';
            case SET_DEFAULT -> 'd';
        };
    }

    /** Builds the new indexes and checks existing rows; call after the catalog change is recorded. */
    void finish() {
        for (Runnable r : pending) {
            r.run();
        }
        pending.clear();
    }

    private Table current(Table table) {
        return (Table) ddl.catalog().objects(ddl.database()).relation(table.oid());
    }

    /** The existing-row half of a new primary key's NOT NULL, checked while its index is built. */
    private static void checkNotNull(Table table, int[] columns, Object[] row) {
        for (int c : columns) {
            if (row[c] == null) {
                throw new ShaleException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + table.columns().get(c).name()
                        + "\" of relation \"" + table.name() + "\" contains null values");
            }
        }
    }

    private void checkRows(Table table, String name, Expression condition) {
        var check = StandaloneExpressions.overTable(ddl.analyzer(), current(table), condition, "CHECK");
        var ctx = ddl.executor.context(new Object[0]);
        var evaluator = new io.shale.engine.exec.OperatorFactory().compiler().compile(check);
        try (Operator rows = ddl.engine.tables().scan(ddl.state().transaction(), current(table))) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                if (Boolean.FALSE.equals(evaluator.eval(row, ctx))) {
                    throw new ShaleException(ErrorCode.CHECK_VIOLATION, "check constraint \"" + name + "\" of relation \""
                            + table.name() + "\" is violated by some row");
                }
            }
        }
    }

    private void checkReferences(Table table, Constraint fk) {
        StringBuilder sql = new StringBuilder("SELECT 1 FROM ");
        sql.append(Identifiers.quote(ddl.namespace(table.namespaceOid()).name())).append('.').append(Identifiers.quote(table.name()))
                .append(" AS fk WHERE ");
        Table referenced = (Table) ddl.catalog().objects(ddl.database()).relation(fk.referencedTable());
        List<String> notNull = new ArrayList<>();
        List<String> match = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            String from = Identifiers.quote(table.column(fk.columns().get(i)).name());
            String to = Identifiers.quote(referenced.column(fk.referencedColumns().get(i)).name());
            notNull.add("fk." + from + " IS NOT NULL");
            match.add("pk." + to + " = fk." + from);
        }
        sql.append(String.join(" AND ", notNull)).append(" AND NOT EXISTS (SELECT 1 FROM ")
                .append(Identifiers.quote(ddl.namespace(referenced.namespaceOid()).name())).append('.')
                .append(Identifiers.quote(referenced.name())).append(" AS pk WHERE ").append(String.join(" AND ", match))
                .append(") LIMIT 1");
        Prepared probe = new Prepared("", sql.toString(), ddl.session.parser().parseStatement(sql.toString()), List.of());
        Outcome.Rows rows = (Outcome.Rows) ddl.executor.rows(probe, new Object[0], n -> "");
        try (Operator op = rows.rows()) {
            if (op.next() != null) {
                throw new ShaleException(ErrorCode.FOREIGN_KEY_VIOLATION, "insert or update on table \"" + table.name()
                        + "\" violates foreign key constraint \"" + fk.name() + "\"");
            }
        }
    }
}
