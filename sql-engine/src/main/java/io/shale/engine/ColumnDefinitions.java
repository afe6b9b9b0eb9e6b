package io.shale.engine;

import io.shale.engine.system.Identifiers;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.Relation;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.analyze.StandaloneExpressions;
import io.shale.grammar.ast.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Column definitions of CREATE TABLE and ADD COLUMN: types (serial types make their sequence),
 * NOT NULL, DEFAULT, identity; key, unique, check and reference constraints written on the column
 * are handed back as table constraints.
 */
final class ColumnDefinitions {
    private final DdlExecutor ddl;

    ColumnDefinitions(DdlExecutor ddl) {
        this.ddl = ddl;
    }

    Column column(CatalogEditor editor, Table table, ColumnDefinition d, int attnum, List<TableConstraint> constraints) {
        String typeName = d.type().name().parts().get(d.type().name().parts().size() - 1);
        SqlType serial = d.type().arrayBounds().isEmpty() && d.type().name().parts().size() == 1 ? serialType(typeName) : null;
        SqlType type = serial != null ? serial : ddl.analyzer().resolveType(d.type());
        if (d.collation() != null) {
            String collation = d.collation().parts().get(d.collation().parts().size() - 1);
            if (!collation.equals("C") && !collation.equals("default") && !collation.equals("POSIX")) {
                throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "collation \"" + collation + "\" for encoding \"UTF8\" does not exist");
            }
        }
        Column column = Column.of(d.name(), attnum, type);
        if (serial != null) {
            Sequence seq = sequence(editor, table, d.name(), type, (short) attnum);
            column = column.withNotNull(true).withDefault(nextvalDefault(ddl.namespace(seq.namespaceOid()).name(), seq.name()));
        }
        for (ConstraintDefinition c : d.constraints()) {
            switch (c) {
                case NotNullConstraint n -> column = column.withNotNull(true);
                case NullConstraint n -> column = column.withNotNull(false);
                case DefaultConstraint def -> {
                    StandaloneExpressions.analyze(ddl.analyzer(), def.value(), type, "DEFAULT expressions");
                    column = column.withDefault(StoredExpressions.defaultText(def.value(), ddl.storedTypeName(type)));
                }
                case IdentityConstraint id -> {
                    if (type.oid() != TypeOids.INT2 && type.oid() != TypeOids.INT4 && type.oid() != TypeOids.INT8) {
                        throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                                "identity column type must be smallint, integer, or bigint");
                    }
                    Sequence seq = sequence(editor, table, d.name(), type, (short) attnum);
                    seq = new SchemaDdl(ddl).applyOptions(seq, id.options(), false);
                    editor.putRelation(ddl.database(), seq);
                    column = column.withNotNull(true).withIdentity(id.always() ? 'a' : 'd')
                            .withDefault(nextvalDefault(ddl.namespace(seq.namespaceOid()).name(), seq.name()));
                }
                case GeneratedConstraint g -> throw StatementExecutor.unsupported("GENERATED ALWAYS AS (…) STORED");
                case PrimaryKeyConstraint p -> constraints.add(new TableConstraint(new PrimaryKeyConstraint(p.name(),
                        List.of(d.name()), p.include())));
                case UniqueConstraint u -> constraints.add(new TableConstraint(new UniqueConstraint(u.name(),
                        List.of(d.name()), u.include(), u.nullsNotDistinct())));
                case CheckConstraint ch -> constraints.add(new TableConstraint(new CheckConstraint(
                        ch.name() != null ? ch.name() : ddl.freeName(table.namespaceOid(), table.name() + "_" + d.name() + "_check"),
                        ch.condition(), ch.noInherit())));
                case ForeignKeyConstraint f -> constraints.add(new TableConstraint(new ForeignKeyConstraint(f.name(),
                        List.of(d.name()), f.referencedTable(), f.referencedColumns(), f.match(), f.onDelete(), f.onUpdate(),
                        f.deferrable(), f.initiallyDeferred())));
            }
        }
        return column;
    }

    private static SqlType serialType(String name) {
        return switch (name) {
            case "serial", "serial4" -> SqlType.INT4;
            case "bigserial", "serial8" -> SqlType.INT8;
            case "smallserial", "serial2" -> SqlType.INT2;
            default -> null;
        };
    }

    private Sequence sequence(CatalogEditor editor, Table table, String column, SqlType type, short attnum) {
        String name = ddl.freeName(table.namespaceOid(), table.name() + "_" + column + "_seq");
        long max = switch (type.oid()) {
            case TypeOids.INT2 -> Short.MAX_VALUE;
            case TypeOids.INT4 -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        Sequence seq = new Sequence(editor.newOid(), table.namespaceOid(), name, table.ownerOid(), type, 1, 1, 1, max, 1,
                false, table.oid(), attnum);
        editor.putRelation(ddl.database(), seq);
        DefaultPrivileges.applyTo(editor, ddl.database(), seq);
        return seq;
    }

    /**
     * The stored default of a column taking its values from sequence {@code sequence} of schema {@code schema}:
     * always schema-qualified, so that the default reads back to the same sequence whatever the search_path of
     * the session using it (PostgreSQL stores the regclass oid; pg_get_expr leaves out {@code public}). Renaming
     * or moving the sequence rewrites the defaults naming it ({@link #replaceInDefaults}).
     */
    static String nextvalDefault(String schema, String sequence) {
        return "nextval('" + quoteLiteral(Identifiers.quote(schema) + "." + Identifiers.quote(sequence)) + "'::regclass)";
    }

    /** Replaces {@code from} by {@code to} in every stored column default of the database that contains it. */
    static void replaceInDefaults(CatalogEditor editor, int database, String from, String to) {
        for (Relation relation : new ArrayList<>(editor.objects(database).relations())) {
            if (!(relation instanceof Table t)) {
                continue;
            }
            List<Column> columns = new ArrayList<>(t.columns());
            boolean changed = false;
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (c.defaultSql() != null && c.defaultSql().contains(from)) {
                    columns.set(i, c.withDefault(c.defaultSql().replace(from, to)));
                    changed = true;
                }
            }
            if (changed) {
                editor.putRelation(database, t.withColumns(columns));
            }
        }
    }

    static String quoteLiteral(String s) {
        return s.replace("'", "''");
    }
}
