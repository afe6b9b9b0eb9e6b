package io.shale.engine.analyze;

import io.shale.catalog.Catalog;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.common.types.TypeNames;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.IntegerLiteral;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.TypeName;

import io.shale.engine.plan.OutputColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * What the analyzer knows of the session for one statement: the catalog snapshot, the search
 * path, functions, and the parameter types it learns as it goes.
 */
public final class AnalyzerContext {
    final Catalog catalog;
    final int databaseOid;
    final DatabaseCatalog objects;
    final List<String> searchPath;
    final String currentUser;
    final FunctionResolver functions;
    final SystemRelations system;
    final FormatSettings settings;
    final List<SqlType> parameterTypes;
    private int nextId;
    /** The group of this node: shard relations without a placement in it are not found by name. */
    private int localGroupId;
    /** Anonymous record types of this statement; a record's typmod is its index here. */
    private final List<List<OutputColumn>> recordShapes = new ArrayList<>();
    /** The role analysing (0: not known, no schema USAGE is checked during analysis). */
    private int roleOid;
    /** The owner of the view being expanded, whose privileges its relations are checked with; 0 outside views. */
    private int viewOwner;
    /** The privileges the statement needs, checked before each execution. */
    private final io.shale.engine.access.RequiredPrivileges.Builder required =
            new io.shale.engine.access.RequiredPrivileges.Builder();

    /**
     * @param searchPath the schemas to search, in order, as the session's search_path gives
     *     them ({@code $user} already replaced); pg_catalog is searched first unless listed
     * @param parameterTypes the types the client declared; 0-oid entries are unknown
     */
    public AnalyzerContext(Catalog catalog, int databaseOid, List<String> searchPath, String currentUser,
                           FunctionResolver functions, SystemRelations system, FormatSettings settings,
                           List<SqlType> parameterTypes) {
        this.catalog = catalog;
        this.databaseOid = databaseOid;
        this.objects = catalog.objects(databaseOid);
        this.searchPath = effectivePath(searchPath);
        this.currentUser = currentUser;
        this.functions = functions;
        this.system = system;
        this.settings = settings;
        this.parameterTypes = new ArrayList<>(parameterTypes);
    }

    private static List<String> effectivePath(List<String> path) {
        List<String> effective = new ArrayList<>();
        if (!path.contains("pg_catalog")) {
            effective.add("pg_catalog");
        }
        effective.addAll(path);
        return effective;
    }

    /** The parameter types after analysis; unknown ones become text. */
    public List<SqlType> parameterTypes() {
        List<SqlType> result = new ArrayList<>(parameterTypes.size());
        for (SqlType t : parameterTypes) {
            result.add(t == null || t.oid() == 0 || t.oid() == SqlType.UNKNOWN.oid() ? SqlType.TEXT : t);
        }
        return result;
    }

    SqlType parameterType(int index) {
        while (parameterTypes.size() <= index) {
            parameterTypes.add(SqlType.UNKNOWN);
        }
        SqlType t = parameterTypes.get(index);
        return t == null || t.oid() == 0 ? SqlType.UNKNOWN : t;
    }

    void setParameterType(int index, SqlType type) {
        parameterType(index);
        parameterTypes.set(index, type);
    }

    int nextId() {
        return nextId++;
    }

    /** A record type with these fields, as PostgreSQL's blessed anonymous records: the typmod names them. */
    SqlType recordType(List<OutputColumn> fields) {
        int index = recordShapes.indexOf(fields);
        if (index < 0) {
            recordShapes.add(List.copyOf(fields));
            index = recordShapes.size() - 1;
        }
        return new SqlType(TypeOids.RECORD, index);
    }

    /** The fields of a record type made by {@link #recordType}, or null. */
    List<OutputColumn> recordFields(SqlType type) {
        return type.oid() == TypeOids.RECORD && type.typmod() >= 0 && type.typmod() < recordShapes.size()
                ? recordShapes.get(type.typmod()) : null;
    }

    /** The schema a new object goes to: the first existing schema of the search path. */
    public Namespace creationNamespace(QualifiedName name, int position) {
        if (name.parts().size() > 1) {
            return namespace(name.parts().get(name.parts().size() - 2), position);
        }
        for (String schema : searchPath) {
            if (schema.equals("pg_catalog")) {
                continue;
            }
            Namespace ns = objects.namespace(schema);
            if (ns != null) {
                return ns;
            }
        }
        throw new ShaleException(ErrorCode.INVALID_SCHEMA_NAME, "no schema has been selected to create in")
                .withPosition(position);
    }

    Namespace namespace(String name, int position) {
        Namespace ns = objects.namespace(name);
        if (ns == null) {
            throw new ShaleException(ErrorCode.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist")
                    .withPosition(position);
        }
        return ns;
    }

    /** Sets the group id of this node (0 by default), which decides which shard relations resolve by name. */
    public AnalyzerContext withLocalGroup(int groupId) {
        this.localGroupId = groupId;
        return this;
    }

    /** Sets the role that analyses, whose USAGE on a named schema is checked when a relation in it is not found. */
    public AnalyzerContext withRole(int role) {
        this.roleOid = role;
        return this;
    }

    /** The privileges on relations and schemas the analysed statement needs. */
    public io.shale.engine.access.RequiredPrivileges requiredPrivileges() {
        return required.build();
    }

    /** Starts expanding a view owned by {@code ownerOid}; returns what {@link #leaveView} restores. */
    int enterView(int ownerOid) {
        int saved = viewOwner;
        viewOwner = ownerOid;
        return saved;
    }

    void leaveView(int saved) {
        viewOwner = saved;
    }

    /**
     * Records that the statement needs these privileges on a relation it names (as the view's owner inside a
     * view), and USAGE on the schema that qualifies the name.
     */
    void requireRelation(Relation relation, QualifiedName name, int privilegeMask, int position) {
        if (viewOwner == 0 && name.parts().size() > 1) {
            requireSchemaUsage(objects.namespace(relation.namespaceOid()), position);
        }
        required.add(io.shale.engine.access.AccessChecks.aclKind(relation), relation.oid(), privilegeMask, viewOwner,
                "permission denied for " + io.shale.engine.access.AccessChecks.kindWord(relation) + " "
                        + relation.name(), 0);
    }

    private void requireSchemaUsage(Namespace ns, int position) {
        if (ns != null && !io.shale.engine.access.AccessChecks.isSystemSchema(ns)) {
            required.add(io.shale.catalog.AclObjectKind.SCHEMA, ns.oid(), io.shale.catalog.Privilege.USAGE.bit(), 0,
                    "permission denied for schema " + ns.name(), position);
        }
    }

    /**
     * Refuses a name qualified by a schema the role may not use, as PostgreSQL does while it analyses the statement
     * (before it looks at the relation, which may not exist); each execution checks again.
     */
    void checkSchemaUsage(QualifiedName name, int position) {
        if (roleOid == 0 || viewOwner != 0 || name.parts().size() < 2) {
            return;
        }
        Namespace ns = objects.namespace(name.parts().get(name.parts().size() - 2));
        if (ns != null && !io.shale.engine.access.AccessChecks.isSuperuser(catalog, roleOid)
                && !io.shale.engine.access.AccessChecks.hasOnSchema(catalog, databaseOid, roleOid, ns,
                        io.shale.catalog.Privilege.USAGE)) {
            throw io.shale.engine.access.AccessChecks.denied("schema", ns.name()).withPosition(position);
        }
    }

    /** A user relation by (possibly qualified) name, or null. */
    public Relation findRelation(QualifiedName name) {
        List<String> parts = name.parts();
        String relname = parts.get(parts.size() - 1);
        if (parts.size() > 1) {
            Namespace ns = objects.namespace(parts.get(parts.size() - 2));
            return ns == null ? null : resolvable(objects.relation(ns.oid(), relname));
        }
        for (String schema : searchPath) {
            Namespace ns = objects.namespace(schema);
            if (ns == null) {
                continue;
            }
            Relation r = resolvable(objects.relation(ns.oid(), relname));
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private Relation resolvable(Relation r) {
        return r == null || objects.resolvableOn(r, localGroupId) ? r : null;
    }

    /** A system relation by (possibly qualified) name, or null; user relations come first. */
    SystemRelations.Info findSystemRelation(QualifiedName name) {
        List<String> parts = name.parts();
        String relname = parts.get(parts.size() - 1);
        if (parts.size() > 1) {
            return system.find(parts.get(parts.size() - 2), relname);
        }
        for (String schema : searchPath) {
            SystemRelations.Info info = system.find(schema, relname);
            if (info != null) {
                return info;
            }
        }
        return null;
    }

    /** Resolves a type name: built-in types, enums of the catalog; 42704 when unknown. */
    public SqlType resolveType(TypeName typeName) {
        List<String> parts = typeName.name().parts();
        String name = parts.get(parts.size() - 1);
        int arrayDims = typeName.arrayBounds().size();
        EnumType enumType = findEnum(parts);
        if (enumType != null) {
            return SqlType.of(arrayDims > 0 ? enumType.arrayOid() : enumType.oid());
        }
        List<Integer> modifiers = new ArrayList<>();
        for (Expression m : typeName.modifiers()) {
            if (!(m instanceof IntegerLiteral i)) {
                throw new ShaleException(ErrorCode.SYNTAX_ERROR, "type modifiers must be simple constants or identifiers")
                        .withPosition(typeName.position());
            }
            modifiers.add(Integer.parseInt(i.text()));
        }
        String full = typeName.intervalFields() == null ? name : name;
        try {
            return TypeNames.resolve(full, modifiers, arrayDims);
        } catch (ShaleException e) {
            throw e.position() > 0 ? e : e.withPosition(typeName.position());
        }
    }

    private EnumType findEnum(List<String> parts) {
        String name = parts.get(parts.size() - 1);
        if (parts.size() > 1) {
            Namespace ns = objects.namespace(parts.get(parts.size() - 2));
            return ns == null ? null : objects.enumType(ns.oid(), name);
        }
        for (String schema : searchPath) {
            Namespace ns = objects.namespace(schema);
            if (ns != null && objects.enumType(ns.oid(), name) != null) {
                return objects.enumType(ns.oid(), name);
            }
        }
        return null;
    }

    /** The element type of an array type, or 0. */
    int elementOf(int arrayOid) {
        int element = BuiltinTypes.elementOf(arrayOid);
        if (element != 0) {
            return element;
        }
        for (EnumType t : objects.enumTypes()) {
            if (t.arrayOid() == arrayOid) {
                return t.oid();
            }
        }
        return 0;
    }

    /** The array type of an element type, or 0. */
    int arrayOf(int elementOid) {
        int array = BuiltinTypes.arrayOf(elementOid);
        if (array != 0) {
            return array;
        }
        EnumType t = objects.enumType(elementOid);
        return t == null ? 0 : t.arrayOid();
    }
}
