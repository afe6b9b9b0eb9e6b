package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Object names given as text (possibly qualified and quoted) resolved to oids, and back. */
final class NameResolver {
    private final CatalogScan scan;
    private final SystemCatalog system;

    NameResolver(CatalogScan scan, SystemCatalog system) {
        this.scan = scan;
        this.system = system;
    }

    /** Splits {@code a."B c".d} into its parts, unquoted parts lower-cased. */
    static List<String> parts(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        String s = text.trim();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                out.add(part.toString());
                part.setLength(0);
            } else {
                part.append(quoted ? c : Character.toLowerCase(c));
            }
        }
        out.add(part.toString());
        return out;
    }

    private static Long number(String text) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(t);
        }
        return null;
    }

    /** regclass input: 42P01 when no relation of that name is found. */
    long relationOid(String text) {
        Long n = number(text);
        if (n != null) {
            return n;
        }
        List<String> p = parts(text);
        String name = p.getLast();
        List<String> schemas = p.size() > 1 ? List.of(p.get(p.size() - 2)) : scan.context.searchPath();
        for (String schema : schemas) {
            Namespace ns = scan.objects.namespace(schema);
            Relation r = ns == null ? null : scan.objects.relation(ns.oid(), name);
            if (r != null) {
                return r.oid();
            }
            SystemRelation s = system.relation(schema, name);
            if (s != null) {
                return s.oid();
            }
        }
        if (p.size() > 1 && scan.objects.namespace(p.get(p.size() - 2)) == null) {
            throw new ShaleException(ErrorCode.INVALID_SCHEMA_NAME,
                    "schema \"" + p.get(p.size() - 2) + "\" does not exist");
        }
        throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + text.trim() + "\" does not exist");
    }

    /** regclass output: qualified only when not visible; the number when unknown. */
    String relationName(long oid) {
        Relation r = scan.objects.relation((int) oid);
        if (r != null) {
            String name = Identifiers.quote(r.name());
            return Visibility.relationVisible(scan, r) ? name
                    : Identifiers.quote(scan.namespaceName(r.namespaceOid())) + "." + name;
        }
        SystemRelation s = system.relation((int) oid);
        if (s != null) {
            return Visibility.systemRelationVisible(scan, s) ? s.name() : s.schema() + "." + s.name();
        }
        return Long.toString(oid);
    }

    /** regtype input, SQL spellings such as {@code integer} and {@code int4[]} included. */
    long typeOid(String text) {
        Long n = number(text);
        if (n != null) {
            return n;
        }
        String t = text.trim();
        int arrays = 0;
        while (t.endsWith("[]")) {
            t = t.substring(0, t.length() - 2).trim();
            arrays++;
        }
        int paren = t.indexOf('(');
        String base = paren > 0 && t.endsWith(")") ? t.substring(0, paren).trim() : t;
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pg_catalog.")) {
            lower = lower.substring("pg_catalog.".length());
        }
        long oid = 0;
        BuiltinType b = TypeSupport.builtin(lower);
        if (b != null) {
            oid = arrays > 0 && b.arrayOid() != 0 ? b.arrayOid() : b.oid();
        } else {
            EnumType e = enumType(parts(base));
            if (e != null) {
                oid = arrays > 0 ? e.arrayOid() : e.oid();
            } else {
                Relation r = relationOrNull(parts(base));
                if (r != null) {
                    oid = SystemOids.rowType(r.oid());
                }
            }
        }
        if (oid == 0) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "type \"" + text.trim() + "\" does not exist");
        }
        return oid;
    }

    private EnumType enumType(List<String> p) {
        List<String> schemas = p.size() > 1 ? List.of(p.get(p.size() - 2)) : scan.context.searchPath();
        for (String schema : schemas) {
            Namespace ns = scan.objects.namespace(schema);
            EnumType e = ns == null ? null : scan.objects.enumType(ns.oid(), p.getLast());
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private Relation relationOrNull(List<String> p) {
        List<String> schemas = p.size() > 1 ? List.of(p.get(p.size() - 2)) : scan.context.searchPath();
        for (String schema : schemas) {
            Namespace ns = scan.objects.namespace(schema);
            Relation r = ns == null ? null : scan.objects.relation(ns.oid(), p.getLast());
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** regtype output: format_type without a modifier. */
    String typeName(long oid) {
        String name = scan.formatType(SqlType.of((int) oid));
        return name.equals("???") ? Long.toString(oid) : name;
    }

    /** regproc input: one function of that name (42883 none, 42725 several). */
    long procOid(String text) {
        Long n = number(text);
        if (n != null) {
            return n;
        }
        String t = text.trim();
        int paren = t.indexOf('(');
        List<String> p = parts(paren > 0 ? t.substring(0, paren) : t);
        String name = p.getLast();
        Namespace schema = p.size() > 1 ? scan.objects.namespace(p.get(p.size() - 2)) : null;
        if (p.size() > 1 && schema == null) {
            throw new ShaleException(ErrorCode.INVALID_SCHEMA_NAME,
                    "schema \"" + p.get(p.size() - 2) + "\" does not exist");
        }
        List<Integer> argumentTypes = paren > 0 ? argumentTypes(t.substring(paren)) : null;
        List<ProcInfo> matches = new ArrayList<>();
        for (ProcInfo f : scan.context.functions()) {
            boolean inSchema = schema != null ? f.namespaceOid() == schema.oid()
                    : scan.context.searchPath().contains(scan.namespaceName(f.namespaceOid()));
            if (f.name().equals(name) && inSchema
                    && (argumentTypes == null || argumentTypes.equals(f.argumentTypes()))) {
                matches.add(f);
            }
        }
        if (matches.size() > 1 && paren < 0) {
            throw new ShaleException(ErrorCode.AMBIGUOUS_FUNCTION, "more than one function named \"" + t + "\"");
        }
        if (!matches.isEmpty()) {
            return matches.getFirst().oid();
        }
        long io = schema == null || schema.oid() == Catalog.PG_CATALOG_NAMESPACE ? ProcNames.oid(List.of(), name) : 0;
        if (io == 0) {
            throw new ShaleException(ErrorCode.UNDEFINED_FUNCTION, "function \"" + t + "\" does not exist");
        }
        return io;
    }

    /** The argument types of {@code (type, type)}; 42704 for an unknown type. */
    private List<Integer> argumentTypes(String list) {
        String inner = list.substring(1, list.lastIndexOf(')')).trim();
        List<Integer> types = new ArrayList<>();
        if (inner.isEmpty()) {
            return types;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= inner.length(); i++) {
            char c = i < inner.length() ? inner.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                types.add((int) typeOid(inner.substring(start, i)));
                start = i + 1;
            }
        }
        return types;
    }

    /** The pg_proc row of an oid, or null. */
    ProcInfo proc(long oid) {
        for (ProcInfo f : scan.context.functions()) {
            if (f.oid() == oid) {
                return f;
            }
        }
        return null;
    }

    /** regproc output. */
    String procName(long oid) {
        String name = ProcNames.name(scan.context.functions(), oid);
        return name == null ? Long.toString(oid) : name;
    }

    /** regprocedure output: {@code name(argtype, …)}. */
    String procSignature(long oid) {
        ProcInfo p = proc(oid);
        if (p == null) {
            return procName(oid);
        }
        StringBuilder sb = new StringBuilder(p.name()).append('(');
        for (int i = 0; i < p.argumentTypes().size(); i++) {
            sb.append(i == 0 ? "" : ",").append(typeName(p.argumentTypes().get(i)));
        }
        return sb.append(')').toString();
    }

    long namespaceOid(String text) {
        Long n = number(text);
        if (n != null) {
            return n;
        }
        String name = parts(text).getLast();
        Namespace ns = scan.objects.namespace(name);
        if (ns == null) {
            throw new ShaleException(ErrorCode.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
        }
        return ns.oid();
    }

    String namespaceName(long oid) {
        String name = scan.namespaceName((int) oid);
        return name == null ? Long.toString(oid) : Identifiers.quote(name);
    }

    long roleOid(String text) {
        Long n = number(text);
        if (n != null) {
            return n;
        }
        String name = parts(text).getLast();
        Role r = scan.catalog.role(name);
        if (r == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        return r.oid();
    }

    String roleName(long oid) {
        String name = scan.roleName((int) oid);
        return name == null ? Long.toString(oid) : Identifiers.quote(name);
    }
}
