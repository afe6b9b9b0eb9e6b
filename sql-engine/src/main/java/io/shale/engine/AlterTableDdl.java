package io.shale.engine;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.Index;
import io.shale.catalog.Namespace;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.analyze.StandaloneExpressions;
import io.shale.engine.exec.Evaluator;
import io.shale.engine.exec.ExecContext;
import io.shale.engine.exec.Operator;
import io.shale.engine.exec.OperatorFactory;
import io.shale.engine.exec.TypeOps;
import io.shale.grammar.ast.*;

import java.util.ArrayList;
import java.util.List;

/** The actions of ALTER TABLE, applied one after the other. */
final class AlterTableDdl {
    private final DdlExecutor ddl;
    private final TableDdl tables;
    private final ColumnDefinitions columns;

    /**
     * ALTER TABLE … SET SCHEMA: the table takes its indexes and the sequences it owns along (PostgreSQL's rule),
     * and the defaults naming those sequences follow. 42P07 when one of them would clash with a relation there.
     */
    private void moveToSchema(CatalogEditor editor, Table table, Namespace target) {
        io.shale.catalog.DatabaseCatalog objects = ddl.catalog().objects(ddl.database());
        String from = ddl.namespace(table.namespaceOid()).name();
        List<io.shale.catalog.Relation> moving = new ArrayList<>();
        moving.add(table);
        moving.addAll(objects.indexesOf(table.oid()));
        for (io.shale.catalog.Relation r : objects.relations()) {
            if (r instanceof io.shale.catalog.Sequence s && s.ownedByTable() == table.oid()) {
                moving.add(s);
            }
        }
        for (io.shale.catalog.Relation r : moving) {
            if (objects.relation(target.oid(), r.name()) != null && target.oid() != table.namespaceOid()) {
                throw new ShaleException(ErrorCode.DUPLICATE_TABLE, "relation \"" + r.name()
                        + "\" already exists in schema \"" + target.name() + "\"");
            }
        }
        for (io.shale.catalog.Relation r : moving) {
            switch (r) {
                case Table t -> editor.putRelation(ddl.database(), ((Table) editor.objects(ddl.database())
                        .relation(t.oid())).withNamespace(target.oid()));
                case Index i -> editor.putRelation(ddl.database(), i.withNamespace(target.oid()));
                case io.shale.catalog.Sequence s -> {
                    editor.putRelation(ddl.database(), s.withNamespace(target.oid()));
                    ColumnDefinitions.replaceInDefaults(editor, ddl.database(),
                            ColumnDefinitions.nextvalDefault(from, s.name()),
                            ColumnDefinitions.nextvalDefault(target.name(), s.name()));
                }
                default -> throw new IllegalStateException("a table moves only its indexes and sequences");
            }
        }
    }

    AlterTableDdl(DdlExecutor ddl, TableDdl tables, ColumnDefinitions columns) {
        this.ddl = ddl;
        this.tables = tables;
        this.columns = columns;
    }

    void apply(Table table, AlterTableAction action) {
        CatalogEditor editor = ddl.edit();
        ConstraintDdl constraints = new ConstraintDdl(ddl);
        switch (action) {
            case AddColumn a -> addColumn(editor, table, a, constraints);
            case DropColumn d -> dropColumn(editor, table, d);
            case RenameColumn r -> {
                Column c = TableDdl.requireColumn(table, r.column());
                if (table.column(r.newName()) != null) {
                    throw new ShaleException(ErrorCode.DUPLICATE_COLUMN, "column \"" + r.newName() + "\" of relation \""
                            + table.name() + "\" already exists");
                }
                editor.putRelation(ddl.database(), replace(table, c.withName(r.newName())));
            }
            case RenameTable r -> {
                if (ddl.catalog().objects(ddl.database()).relation(table.namespaceOid(), r.newName()) != null) {
                    throw new ShaleException(ErrorCode.DUPLICATE_TABLE, "relation \"" + r.newName() + "\" already exists");
                }
                editor.putRelation(ddl.database(), table.withName(r.newName()));
            }
            case RenameConstraint r -> {
                Constraint c = constraint(table, r.constraint(), false);
                editor.putConstraint(ddl.database(), c.withName(r.newName()));
                if (c.indexOid() != 0) {
                    Index i = (Index) ddl.catalog().objects(ddl.database()).relation(c.indexOid());
                    editor.putRelation(ddl.database(), i.withName(r.newName()));
                }
            }
            case SetSchema s -> {
                Namespace ns = ddl.catalog().objects(ddl.database()).namespace(s.schema());
                if (ns == null) {
                    throw new ShaleException(ErrorCode.INVALID_SCHEMA_NAME, "schema \"" + s.schema() + "\" does not exist");
                }
                moveToSchema(editor, table, ns);
            }
            case SetColumnDefault s -> {
                Column c = TableDdl.requireColumn(table, s.column());
                StandaloneExpressions.analyze(ddl.analyzer(), s.value(), c.type(), "DEFAULT expressions");
                editor.putRelation(ddl.database(), replace(table, c.withDefault(StoredExpressions.defaultText(s.value(), ddl.storedTypeName(c.type())))));
            }
            case DropColumnDefault d -> editor.putRelation(ddl.database(),
                    replace(table, TableDdl.requireColumn(table, d.column()).withDefault(null)));
            case SetNotNull s -> {
                Column c = TableDdl.requireColumn(table, s.column());
                rows(table, row -> {
                    if (row[c.attnum() - 1] == null) {
                        throw new ShaleException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + c.name() + "\" of relation \""
                                + table.name() + "\" contains null values");
                    }
                });
                editor.putRelation(ddl.database(), replace(table, c.withNotNull(true)));
            }
            case DropNotNull d -> {
                Column c = TableDdl.requireColumn(table, d.column());
                for (Index i : ddl.catalog().objects(ddl.database()).indexesOf(table.oid())) {
                    for (int k = 0; i.primary() && k < i.keyCount(); k++) {
                        if (i.keys().get(k).attnum() == c.attnum()) {
                            throw new ShaleException(ErrorCode.INVALID_TABLE_DEFINITION, "column \"" + c.name()
                                    + "\" is in a primary key");
                        }
                    }
                }
                editor.putRelation(ddl.database(), replace(table, c.withNotNull(false)));
            }
            case AlterColumnType t -> alterType(editor, table, t);
            case AddConstraint a -> constraints.add(editor, table, a.constraint(), true);
            case DropConstraint d -> {
                Constraint c = constraint(table, d.name(), d.ifExists());
                if (c != null) {
                    editor.dropConstraint(ddl.database(), c.oid());
                    if (c.indexOid() != 0) {
                        Index i = (Index) ddl.catalog().objects(ddl.database()).relation(c.indexOid());
                        editor.dropRelation(ddl.database(), i.oid());
                        tables.freeAfterCommit(List.of(i.storageId()));
                    }
                }
            }
            case ValidateConstraint v -> constraint(table, v.name(), false);
            case ChangeOwner o -> OwnerDdl.changeRelationOwner(ddl, editor, table, ddl.role(o.owner()));
            case SetReplicaIdentity r -> editor.putRelation(ddl.database(), table.withReplicaIdentity(switch (r.kind()) {
                case DEFAULT -> 'd';
                case FULL -> 'f';
                case NOTHING -> 'n';
                case INDEX -> 'i';
            }));
            case SetOptions s -> {
                var options = new java.util.HashMap<>(table.options());
                options.putAll(TableDdl.options(s.options()));
                editor.putRelation(ddl.database(), withOptions(table, options));
            }
            case ResetOptions r -> {
                var options = new java.util.HashMap<>(table.options());
                r.names().forEach(options::remove);
                editor.putRelation(ddl.database(), withOptions(table, options));
            }
        }
        ddl.commit(editor);
        constraints.finish();
    }

    private static Table withOptions(Table t, java.util.Map<String, String> options) {
        return new Table(t.oid(), t.namespaceOid(), t.name(), t.ownerOid(), t.columns(), t.storageId(), t.accessMethod(),
                options, t.persistence(), t.replicaIdentity());
    }

    private static Table replace(Table table, Column column) {
        List<Column> cols = new ArrayList<>(table.columns());
        cols.set(column.attnum() - 1, column);
        return table.withColumns(cols);
    }

    private Constraint constraint(Table table, String name, boolean missingOk) {
        for (Constraint c : ddl.catalog().objects(ddl.database()).constraintsOf(table.oid())) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        if (missingOk) {
            ddl.notice("constraint \"" + name + "\" of relation \"" + table.name() + "\" does not exist, skipping");
            return null;
        }
        throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "constraint \"" + name + "\" of relation \"" + table.name()
                + "\" does not exist");
    }

    private void addColumn(CatalogEditor editor, Table table, AddColumn a, ConstraintDdl constraints) {
        if (table.column(a.column().name()) != null) {
            if (a.ifNotExists()) {
                ddl.notice("42701", "column \"" + a.column().name() + "\" of relation \"" + table.name() + "\" already exists, skipping");
                return;
            }
            throw new ShaleException(ErrorCode.DUPLICATE_COLUMN, "column \"" + a.column().name() + "\" of relation \""
                    + table.name() + "\" already exists");
        }
        List<TableConstraint> extra = new ArrayList<>();
        Column column = columns.column(editor, table, a.column(), table.columns().size() + 1, extra);
        List<Column> cols = new ArrayList<>(table.columns());
        cols.add(column);
        Table updated = table.withColumns(cols);
        editor.putRelation(ddl.database(), updated);
        ddl.commit(editor);
        if (column.defaultSql() != null || column.notNull()) {
            fill(updated, column);
        }
        editor = ddl.edit();
        for (TableConstraint t : extra) {
            updated = constraints.add(editor, updated, t.constraint(), true);
        }
        ddl.commit(editor);
    }

    /** Gives existing rows the new column's default (and checks NOT NULL). */
    private void fill(Table table, Column column) {
        ExecContext ctx = ddl.executor.context(new Object[0]);
        Evaluator value = column.defaultSql() == null ? null : new OperatorFactory().compiler().compile(
                StandaloneExpressions.analyze(ddl.analyzer(), ddl.session.parser().parseExpression(column.defaultSql()),
                        column.type(), "DEFAULT expressions"));
        for (Object[] row : allRows(table)) {
            Object v = value == null ? null : value.eval(null, ctx);
            if (v == null && column.notNull()) {
                throw new ShaleException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + column.name() + "\" of relation \""
                        + table.name() + "\" contains null values");
            }
            Object[] newRow = java.util.Arrays.copyOf(row, table.columns().size() + 1);
            newRow[column.attnum() - 1] = v;
            ddl.engine.tables().update(ctx.transaction(), ddl.catalog(), ddl.database(), table, row, newRow, ctx.formatSettings());
        }
    }

    private void dropColumn(CatalogEditor editor, Table table, DropColumn d) {
        Column c = table.column(d.column());
        if (c == null) {
            if (d.ifExists()) {
                ddl.notice("column \"" + d.column() + "\" of relation \"" + table.name() + "\" does not exist, skipping");
                return;
            }
            throw new ShaleException(ErrorCode.UNDEFINED_COLUMN, "column \"" + d.column() + "\" of relation \"" + table.name()
                    + "\" does not exist");
        }
        var objects = ddl.catalog().objects(ddl.database());
        for (Constraint con : objects.constraintsOf(table.oid())) {
            if (con.columns().contains(c.attnum())) {
                editor.dropConstraint(ddl.database(), con.oid());
            }
        }
        for (Index i : objects.indexesOf(table.oid())) {
            if (i.keys().stream().anyMatch(k -> k.attnum() == c.attnum())) {
                editor.dropRelation(ddl.database(), i.oid());
                tables.freeAfterCommit(List.of(i.storageId()));
            }
        }
        for (Constraint fk : objects.foreignKeysReferencing(table.oid())) {
            if (fk.referencedColumns().contains(c.attnum())) {
                if (d.behavior() != DropBehavior.CASCADE) {
                    throw new ShaleException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop column " + c.name()
                            + " of table " + table.name() + " because other objects depend on it")
                            .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
                }
                editor.dropConstraint(ddl.database(), fk.oid());
            }
        }
        editor.putRelation(ddl.database(), replace(table, c.asDropped()));
    }

    private void alterType(CatalogEditor editor, Table table, AlterColumnType t) {
        Column c = TableDdl.requireColumn(table, t.column());
        SqlType type = ddl.analyzer().resolveType(t.type());
        if (t.using() != null) {
            throw StatementExecutor.unsupported("ALTER COLUMN … TYPE … USING");
        }
        Table updated = replace(table, c.withType(type));
        editor.putRelation(ddl.database(), updated);
        ddl.commit(editor);
        ExecContext ctx = ddl.executor.context(new Object[0]);
        for (Object[] row : allRows(table)) {
            Object[] newRow = row.clone();
            Object v = row[c.attnum() - 1];
            newRow[c.attnum() - 1] = v == null ? null : TypeOps.cast(v, c.type(), type, false, ctx.formatSettings());
            ddl.engine.tables().update(ctx.transaction(), ddl.catalog(), ddl.database(), updated, row, newRow, ctx.formatSettings());
        }
    }

    private List<Object[]> allRows(Table table) {
        return OperatorFactory.drain(ddl.engine.tables().scan(ddl.state().transaction(), table));
    }

    private void rows(Table table, java.util.function.Consumer<Object[]> check) {
        try (Operator op = ddl.engine.tables().scan(ddl.state().transaction(), table)) {
            for (Object[] r = op.next(); r != null; r = op.next()) {
                check.accept(r);
            }
        }
    }

}
