package io.shale.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one database, immutable: schemas, relations, constraints, enum types and
 * comments, with the look-ups the engine needs.
 */
public final class DatabaseCatalog {
    private final int databaseOid;
    private final Map<Integer, Namespace> namespaces;
    private final Map<String, Namespace> namespacesByName;
    private final Map<Integer, Relation> relations;
    private final Map<String, Relation> relationsByName;
    private final Map<Integer, List<Index>> indexesByTable;
    private final Map<Integer, Constraint> constraints;
    private final Map<Integer, List<Constraint>> constraintsByTable;
    private final Map<Integer, EnumType> types;
    private final Map<String, EnumType> typesByName;
    private final List<Comment> comments;

    DatabaseCatalog(int databaseOid, Collection<Namespace> namespaces, Collection<Relation> relations,
                    Collection<Constraint> constraints, Collection<EnumType> types,
                    Collection<Comment> comments) {
        this.databaseOid = databaseOid;
        Map<Integer, Namespace> ns = new HashMap<>();
        Map<String, Namespace> nsByName = new HashMap<>();
        for (Namespace n : namespaces) {
            ns.put(n.oid(), n);
            nsByName.put(n.name(), n);
        }
        Map<Integer, Relation> rel = new HashMap<>();
        Map<String, Relation> relByName = new HashMap<>();
        Map<Integer, List<Index>> idx = new HashMap<>();
        for (Relation r : relations) {
            rel.put(r.oid(), r);
            relByName.put(nameKey(r.namespaceOid(), r.name()), r);
            if (r instanceof Index i) {
                idx.computeIfAbsent(i.tableOid(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, Constraint> con = new HashMap<>();
        Map<Integer, List<Constraint>> conByTable = new HashMap<>();
        for (Constraint c : constraints) {
            con.put(c.oid(), c);
            conByTable.computeIfAbsent(c.tableOid(), k -> new ArrayList<>()).add(c);
        }
        Map<Integer, EnumType> ty = new HashMap<>();
        Map<String, EnumType> tyByName = new HashMap<>();
        for (EnumType t : types) {
            ty.put(t.oid(), t);
            tyByName.put(nameKey(t.namespaceOid(), t.name()), t);
        }
        this.namespaces = Map.copyOf(ns);
        this.namespacesByName = Map.copyOf(nsByName);
        this.relations = Map.copyOf(rel);
        this.relationsByName = Map.copyOf(relByName);
        idx.replaceAll((k, v) -> List.copyOf(v));
        this.indexesByTable = Map.copyOf(idx);
        this.constraints = Map.copyOf(con);
        conByTable.replaceAll((k, v) -> List.copyOf(v));
        this.constraintsByTable = Map.copyOf(conByTable);
        this.types = Map.copyOf(ty);
        this.typesByName = Map.copyOf(tyByName);
        this.comments = List.copyOf(comments);
    }

    static String nameKey(int namespaceOid, String name) {
        return namespaceOid + "." + name;
    }

    public int databaseOid() {
        return databaseOid;
    }

    public Namespace namespace(int oid) {
        return namespaces.get(oid);
    }

    public Namespace namespace(String name) {
        return namespacesByName.get(name);
    }

    public Collection<Namespace> namespaces() {
        return namespaces.values();
    }

    public Relation relation(int oid) {
        return relations.get(oid);
    }

    public Relation relation(int namespaceOid, String name) {
        return relationsByName.get(nameKey(namespaceOid, name));
    }

    public Collection<Relation> relations() {
        return relations.values();
    }

    /** The indexes of a table, primary key first then by oid. */
    public List<Index> indexesOf(int tableOid) {
        return indexesByTable.getOrDefault(tableOid, List.of());
    }

    public Constraint constraint(int oid) {
        return constraints.get(oid);
    }

    public Collection<Constraint> constraints() {
        return constraints.values();
    }

    public List<Constraint> constraintsOf(int tableOid) {
        return constraintsByTable.getOrDefault(tableOid, List.of());
    }

    /** Foreign keys of any table that reference {@code tableOid}. */
    public List<Constraint> foreignKeysReferencing(int tableOid) {
        List<Constraint> result = new ArrayList<>();
        for (Constraint c : constraints.values()) {
            if (c.type() == 'f' && c.referencedTable() == tableOid) {
                result.add(c);
            }
        }
        return result;
    }

    public EnumType enumType(int oid) {
        return types.get(oid);
    }

    public EnumType enumType(int namespaceOid, String name) {
        return typesByName.get(nameKey(namespaceOid, name));
    }

    public Collection<EnumType> enumTypes() {
        return types.values();
    }

    public List<Comment> comments() {
        return comments;
    }

    /** The comment on an object, or null. */
    public String comment(int objectOid, int classOid, int subId) {
        for (Comment c : comments) {
            if (c.objectOid() == objectOid && c.classOid() == classOid && c.subId() == subId) {
                return c.text();
            }
        }
        return null;
    }

    Map<Integer, Namespace> namespaceMap() {
        return namespaces;
    }

    Map<Integer, Relation> relationMap() {
        return relations;
    }

    Map<Integer, Constraint> constraintMap() {
        return constraints;
    }

    Map<Integer, EnumType> typeMap() {
        return types;
    }
}
