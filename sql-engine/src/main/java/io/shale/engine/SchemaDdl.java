package io.shale.engine;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.analyze.AnalyzerContext;
import io.shale.engine.analyze.QueryAnalyzer;
import io.shale.engine.citus.TenantSchemas;
import io.shale.engine.plan.OutputColumn;
import io.shale.grammar.SqlFormatter;
import io.shale.grammar.ast.*;

import java.util.ArrayList;
import java.util.List;

/** Schemas, sequences, views, enum types, extensions, comments and owners. */
final class SchemaDdl {
    private final DdlExecutor ddl;

    SchemaDdl(DdlExecutor ddl) {
        this.ddl = ddl;
    }

    String createSchema(CreateSchema c) {
        Role owner = c.authorization() == null ? ddl.catalog().role(ddl.owner()) : ddl.role(c.authorization());
        String name = c.name() != null ? c.name() : owner.name();
        if (name.startsWith("pg_")) {
            throw new ShaleException(ErrorCode.RESERVED_NAME, "unacceptable schema name \"" + name + "\"")
                    .withDetail("The prefix \"pg_\" is reserved for system schemas.");
        }
        if (ddl.catalog().objects(ddl.database()).namespace(name) != null) {
            if (c.ifNotExists()) {
                ddl.notice("42P06", "schema \"" + name + "\" already exists, skipping");
                return "CREATE SCHEMA";
            }
            throw new ShaleException(ErrorCode.DUPLICATE_SCHEMA, "schema \"" + name + "\" already exists");
        }
        CatalogEditor editor = ddl.edit();
        Namespace schema = new Namespace(editor.newOid(), ddl.database(), name, owner.oid());
        editor.putNamespace(ddl.database(), schema);
        DefaultPrivileges.applyTo(editor, ddl.database(), schema);
        TenantSchemas.onCreateSchema(ddl.state(), editor, schema, !c.elements().isEmpty());
        if (!c.elements().isEmpty()) {
            throw StatementExecutor.unsupported("CREATE SCHEMA with schema elements");
        }
        ddl.commit(editor);
        return "CREATE SCHEMA";
    }

    String dropSchemas(DropObjects d) {
        CatalogEditor editor = ddl.edit();
        List<Long> freed = new ArrayList<>();
        for (QualifiedName qn : d.names()) {
            String name = TableDdl.last(qn);
            DatabaseCatalog objects = editor.objects(ddl.database());
            Namespace ns = objects.namespace(name);
            if (ns == null) {
                if (d.ifExists()) {
                    ddl.notice("schema \"" + name + "\" does not exist, skipping");
                    continue;
                }
                throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "schema \"" + name + "\" does not exist");
            }
            if (ns.oid() < io.shale.catalog.Catalog.FIRST_USER_OID && !name.equals("public")) {
                throw new ShaleException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop schema " + name
                        + " because it is required by the database system");
            }
            List<Relation> contents = new ArrayList<>();
            for (Relation r : objects.relations()) {
                if (r.namespaceOid() == ns.oid() && objects.shardOfRelation(r.oid()) == null
                        && (r instanceof Table || r instanceof View
                        || r instanceof Sequence s && s.ownedByTable() == 0)) {
                    contents.add(r);
                }
            }
            contents.sort(java.util.Comparator.comparingInt(Relation::oid));
            if (!contents.isEmpty() && d.behavior() != DropBehavior.CASCADE) {
                throw new ShaleException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop schema " + name
                        + " because other objects depend on it")
                        .withDetail(describe(contents.get(0)) + " depends on schema " + name)
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            if (contents.size() == 1) {
                ddl.notice("drop cascades to " + describe(contents.get(0)));
            } else if (!contents.isEmpty()) {
                StringBuilder detail = new StringBuilder();
                for (Relation r : contents) {
                    detail.append(detail.isEmpty() ? "" : "\n").append("drop cascades to ").append(describe(r));
                }
                ddl.state().notice(new io.shale.engine.session.Notice("NOTICE", "00000",
                        "drop cascades to " + contents.size() + " other objects", detail.toString(), null));
            }
            Dropper dropper = new Dropper(ddl, editor, true, freed);
            for (Relation r : contents) {
                if (editor.objects(ddl.database()).relation(r.oid()) != null) {
                    dropper.dropRelation(r);
                }
            }
            for (EnumType t : objects.enumTypes()) {
                if (t.namespaceOid() == ns.oid()) {
                    editor.dropEnumType(ddl.database(), t.oid());
                }
            }
            TenantSchemas.onDropSchema(editor, ddl.database(), ns.oid());
            editor.dropNamespace(ddl.database(), ns.oid());
        }
        ddl.commit(editor);
        new TableDdl(ddl).freeAfterCommit(freed);
        return "DROP SCHEMA";
    }

    /** As PostgreSQL describes a dependent object: its name qualified when its schema is not on the search_path. */
    private String describe(Relation r) {
        String schema = ddl.namespace(r.namespaceOid()).name();
        boolean visible = ddl.state().currentSchemas(false).contains(schema);
        return TableDdl.kindName(r) + " " + (visible ? r.name() : schema + "." + r.name());
    }

    String renameSchema(RenameObject r) {
        Namespace ns = namespace(TableDdl.last(r.name()));
        if (ddl.catalog().objects(ddl.database()).namespace(r.newName()) != null) {
            throw new ShaleException(ErrorCode.DUPLICATE_SCHEMA, "schema \"" + r.newName() + "\" already exists");
        }
        CatalogEditor editor = ddl.edit();
        editor.putNamespace(ddl.database(), new Namespace(ns.oid(), ns.databaseOid(), r.newName(), ns.ownerOid()));
        renameInDefaults(editor, ns.name(), r.newName());
        ddl.commit(editor);
        return "ALTER SCHEMA";
    }

    /** Stored defaults name their sequences with the schema (nextval('s.seq'::regclass)): they follow a rename. */
    private void renameInDefaults(CatalogEditor editor, String oldName, String newName) {
        ColumnDefinitions.replaceInDefaults(editor, ddl.database(),
                "nextval('" + ColumnDefinitions.quoteLiteral(io.shale.engine.system.Identifiers.quote(oldName)) + ".",
                "nextval('" + ColumnDefinitions.quoteLiteral(io.shale.engine.system.Identifiers.quote(newName)) + ".");
    }

    private Namespace namespace(String name) {
        Namespace ns = ddl.catalog().objects(ddl.database()).namespace(name);
        if (ns == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "schema \"" + name + "\" does not exist");
        }
        return ns;
    }

    String createSequence(CreateSequence c) {
        AnalyzerContext analyzer = ddl.analyzer();
        Namespace ns = analyzer.creationNamespace(c.name(), 0);
        String name = TableDdl.last(c.name());
        if (ddl.catalog().objects(ddl.database()).relation(ns.oid(), name) != null) {
            if (c.ifNotExists()) {
                ddl.notice("42P07", "relation \"" + name + "\" already exists, skipping");
                return "CREATE SEQUENCE";
            }
            throw new ShaleException(ErrorCode.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }
        CatalogEditor editor = ddl.edit();
        Sequence seq = new Sequence(editor.newOid(), ns.oid(), name, ddl.owner(), SqlType.INT8, 1, 1, 1, Long.MAX_VALUE, 1,
                false, 0, (short) 0);
        seq = applyOptions(seq, c.options(), false);
        editor.putRelation(ddl.database(), seq);
        DefaultPrivileges.applyTo(editor, ddl.database(), seq);
        ddl.commit(editor);
        return "CREATE SEQUENCE";
    }

    String alterSequence(AlterSequence a) {
        Relation r = ddl.relation(a.name());
        if (!(r instanceof Sequence seq)) {
            if (r == null && a.ifExists()) {
                ddl.notice("relation \"" + String.join(".", a.name().parts()) + "\" does not exist, skipping");
                return "ALTER SEQUENCE";
            }
            throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", a.name().parts()) + "\" does not exist");
        }
        CatalogEditor editor = ddl.edit();
        Sequence updated = applyOptions(seq, a.options(), true);
        editor.putRelation(ddl.database(), updated);
        ddl.commit(editor);
        return "ALTER SEQUENCE";
    }

    /** Applies sequence options (CREATE/ALTER SEQUENCE, identity columns) with PostgreSQL's defaults by type. */
    Sequence applyOptions(Sequence seq, List<SequenceOption> options, boolean alter) {
        SqlType type = seq.type();
        long increment = seq.increment();
        Long min = alter ? (Long) seq.min() : null;
        Long max = alter ? (Long) seq.max() : null;
        Long start = alter ? (Long) seq.start() : null;
        long cache = seq.cache();
        boolean cycle = seq.cycle();
        Long restart = null;
        int ownedTable = seq.ownedByTable();
        short ownedColumn = seq.ownedByColumn();
        for (SequenceOption o : options) {
            switch (o) {
                case SequenceType t -> type = ddl.analyzer().resolveType(t.type());
                case SequenceIncrement i -> increment = i.value();
                case SequenceMinValue m -> min = m.value();
                case SequenceMaxValue m -> max = m.value();
                case SequenceStart s -> start = s.value();
                case SequenceRestart r -> restart = r.value() != null ? r.value() : seq.start();
                case SequenceCache c -> cache = c.value();
                case SequenceCycle c -> cycle = c.cycle();
                case SequenceName n -> {
                }
                case SequenceOwnedBy o2 -> {
                    if (o2.column() == null || o2.column().parts().equals(List.of("none"))) {
                        ownedTable = 0;
                        ownedColumn = 0;
                    } else {
                        List<String> parts = o2.column().parts();
                        Relation t = ddl.analyzer().findRelation(new QualifiedName(parts.subList(0, parts.size() - 1)));
                        if (!(t instanceof Table table)) {
                            throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + parts.get(parts.size() - 2) + "\" does not exist");
                        }
                        Column col = TableDdl.requireColumn(table, parts.get(parts.size() - 1));
                        ownedTable = table.oid();
                        ownedColumn = col.attnum();
                    }
                }
            }
        }
        long typeMax = switch (type.oid()) {
            case TypeOids.INT2 -> Short.MAX_VALUE;
            case TypeOids.INT4 -> Integer.MAX_VALUE;
            case TypeOids.INT8 -> Long.MAX_VALUE;
            default -> throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "sequence type must be smallint, integer, or bigint");
        };
        long typeMin = -typeMax - 1;
        if (increment == 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
        }
        long minValue = min != null ? min : increment > 0 ? 1 : typeMin;
        long maxValue = max != null ? max : increment > 0 ? typeMax : -1;
        long startValue = start != null ? start : increment > 0 ? minValue : maxValue;
        if (startValue < minValue) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "START value (" + startValue
                    + ") cannot be less than MINVALUE (" + minValue + ")");
        }
        if (startValue > maxValue) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "START value (" + startValue
                    + ") cannot be greater than MAXVALUE (" + maxValue + ")");
        }
        Sequence result = new Sequence(seq.oid(), seq.namespaceOid(), seq.name(), seq.ownerOid(), type, startValue, increment,
                minValue, maxValue, cache, cycle, ownedTable, ownedColumn);
        if (restart != null) {
            long value = restart;
            ddl.state().afterCommit(() -> ddl.engine.sequences().restart(result, value));
        }
        return result;
    }

    String createView(CreateView c) {
        AnalyzerContext analyzer = ddl.analyzer();
        Namespace ns = analyzer.creationNamespace(c.name(), 0);
        String name = TableDdl.last(c.name());
        Relation existing = ddl.catalog().objects(ddl.database()).relation(ns.oid(), name);
        if (existing != null && !(c.orReplace() && existing instanceof View)) {
            throw new ShaleException(ErrorCode.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }
        QueryAnalyzer.AnalyzedQuery query = new QueryAnalyzer(analyzer).analyze(c.query(), null);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < query.columns().size(); i++) {
            OutputColumn o = query.columns().get(i);
            columns.add(Column.of(i < c.columns().size() ? c.columns().get(i) : o.name(), i + 1, o.type()));
        }
        CatalogEditor editor = ddl.edit();
        int oid = existing != null ? existing.oid() : editor.newOid();
        View view = new View(oid, ns.oid(), name, ddl.owner(), SqlFormatter.format(c.query()), columns);
        editor.putRelation(ddl.database(), view);
        if (existing == null) {
            DefaultPrivileges.applyTo(editor, ddl.database(), view);
        }
        ddl.commit(editor);
        return "CREATE VIEW";
    }

    String createEnum(CreateEnumType c) {
        AnalyzerContext analyzer = ddl.analyzer();
        Namespace ns = analyzer.creationNamespace(c.name(), 0);
        String name = TableDdl.last(c.name());
        if (ddl.catalog().objects(ddl.database()).enumType(ns.oid(), name) != null) {
            throw new ShaleException(ErrorCode.DUPLICATE_OBJECT, "type \"" + name + "\" already exists");
        }
        CatalogEditor editor = ddl.edit();
        int oid = editor.newOid();
        int arrayOid = editor.newOid();
        List<Integer> labelOids = new ArrayList<>();
        for (int i = 0; i < c.labels().size(); i++) {
            labelOids.add(editor.newOid());
        }
        editor.putEnumType(ddl.database(), new EnumType(oid, arrayOid, ns.oid(), name, ddl.owner(), c.labels(), labelOids));
        ddl.commit(editor);
        return "CREATE TYPE";
    }

    String dropTypes(DropObjects d) {
        CatalogEditor editor = ddl.edit();
        for (QualifiedName qn : d.names()) {
            EnumType found = null;
            for (String schema : ddl.state().currentSchemas(true)) {
                Namespace ns = editor.objects(ddl.database()).namespace(schema);
                if (ns != null && editor.objects(ddl.database()).enumType(ns.oid(), TableDdl.last(qn)) != null) {
                    found = editor.objects(ddl.database()).enumType(ns.oid(), TableDdl.last(qn));
                    break;
                }
            }
            if (found == null) {
                if (d.ifExists()) {
                    ddl.notice("type \"" + String.join(".", qn.parts()) + "\" does not exist, skipping");
                    continue;
                }
                throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "type \"" + String.join(".", qn.parts()) + "\" does not exist");
            }
            for (Relation r : editor.objects(ddl.database()).relations()) {
                if (r instanceof Table t) {
                    for (Column col : t.liveColumns()) {
                        if (col.type().oid() == found.oid() || col.type().oid() == found.arrayOid()) {
                            throw new ShaleException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop type " + found.name()
                                    + " because other objects depend on it")
                                    .withDetail("column " + col.name() + " of table " + t.name() + " depends on type " + found.name())
                                    .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
                        }
                    }
                }
            }
            editor.dropEnumType(ddl.database(), found.oid());
        }
        ddl.commit(editor);
        return "DROP TYPE";
    }

    String createExtension(CreateExtension c) {
        if (c.name().equals("plpgsql")) {
            if (c.ifNotExists()) {
                ddl.notice("42710", "extension \"plpgsql\" already exists, skipping");
                return "CREATE EXTENSION";
            }
            throw new ShaleException(ErrorCode.DUPLICATE_OBJECT, "extension \"plpgsql\" already exists");
        }
        throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "extension \"" + c.name() + "\" is not available");
    }

    String dropExtensions(DropObjects d) {
        for (QualifiedName qn : d.names()) {
            if (d.ifExists()) {
                ddl.notice("extension \"" + TableDdl.last(qn) + "\" does not exist, skipping");
                continue;
            }
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "dropping extension \"" + TableDdl.last(qn) + "\" is not supported");
        }
        return "DROP EXTENSION";
    }

    String comment(Comment c) {
        CatalogEditor editor = ddl.edit();
        switch (c.type()) {
            case TABLE, VIEW, INDEX, SEQUENCE -> {
                Relation r = ddl.relation(c.name());
                if (r == null) {
                    throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", c.name().parts())
                            + "\" does not exist");
                }
                editor.setComment(ddl.database(), new io.shale.catalog.Comment(r.oid(), 1259, 0, c.text()));
            }
            case COLUMN -> {
                List<String> parts = c.name().parts();
                Relation r = ddl.relation(new QualifiedName(parts.subList(0, parts.size() - 1)));
                if (!(r instanceof Table t)) {
                    throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + parts.get(parts.size() - 2) + "\" does not exist");
                }
                Column col = TableDdl.requireColumn(t, parts.get(parts.size() - 1));
                editor.setComment(ddl.database(), new io.shale.catalog.Comment(t.oid(), 1259, col.attnum(), c.text()));
            }
            case SCHEMA -> editor.setComment(ddl.database(), new io.shale.catalog.Comment(
                    namespace(TableDdl.last(c.name())).oid(), 2615, 0, c.text()));
            default -> throw StatementExecutor.unsupported("COMMENT ON " + c.type().name());
        }
        ddl.commit(editor);
        return "COMMENT";
    }
}
