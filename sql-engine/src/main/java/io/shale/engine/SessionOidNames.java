package io.shale.engine;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeNames;
import io.shale.common.types.TypeOids;
import io.shale.engine.function.FunctionDefinition;
import io.shale.engine.system.SystemRelation;

import java.util.ArrayList;
import java.util.List;

/**
 * The text forms of the reg* types for one session: names of relations, types, functions,
 * schemas and roles, qualified when the search path does not find them unqualified.
 */
final class SessionOidNames implements FormatSettings.OidNames {
    private final Engine engine;
    private final SessionState state;

    SessionOidNames(Engine engine, SessionState state) {
        this.engine = engine;
        this.state = state;
    }

    private DatabaseCatalog objects() {
        return state.catalog().objects(state.databaseOid());
    }

    @Override
    public String name(int regTypeOid, long oid) {
        return switch (regTypeOid) {
            case TypeOids.REGCLASS -> relationName((int) oid);
            case TypeOids.REGTYPE -> typeName((int) oid);
            case TypeOids.REGPROC, TypeOids.REGPROCEDURE -> engine.functions().byOid(oid).map(FunctionDefinition::name)
                    .orElse(Long.toString(oid));
            case TypeOids.REGNAMESPACE -> {
                Namespace ns = objects().namespace((int) oid);
                yield ns == null ? Long.toString(oid) : Identifiers.quote(ns.name());
            }
            case TypeOids.REGROLE -> {
                Role r = state.catalog().role((int) oid);
                yield r == null ? Long.toString(oid) : Identifiers.quote(r.name());
            }
            default -> Long.toString(oid);
        };
    }

    private String relationName(int oid) {
        Relation r = objects().relation(oid);
        if (r != null) {
            Namespace ns = objects().namespace(r.namespaceOid());
            String name = Identifiers.quote(r.name());
            return visible(ns.name(), r.name()) ? name : Identifiers.quote(ns.name()) + "." + name;
        }
        SystemRelation s = engine.systemCatalog().relation(oid);
        if (s != null) {
            return s.schema().equals("pg_catalog") ? s.name() : s.schema() + "." + s.name();
        }
        return Integer.toString(oid);
    }

    private boolean visible(String schema, String name) {
        for (String s : state.currentSchemas(true)) {
            Namespace ns = objects().namespace(s);
            if (ns != null && objects().relation(ns.oid(), name) != null) {
                return s.equals(schema);
            }
        }
        return false;
    }

    private String typeName(int oid) {
        if (BuiltinTypes.byOid(oid) != null) {
            return TypeNames.format(SqlType.of(oid));
        }
        EnumType t = objects().enumType(oid);
        return t == null ? Integer.toString(oid) : Identifiers.quote(t.name());
    }

    @Override
    public long oid(int regTypeOid, String text) {
        String trimmed = text.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(trimmed);
        }
        List<String> parts = Identifiers.split(trimmed);
        return switch (regTypeOid) {
            case TypeOids.REGCLASS -> relationOid(parts, trimmed);
            case TypeOids.REGTYPE -> typeOid(parts, trimmed);
            case TypeOids.REGPROC, TypeOids.REGPROCEDURE -> {
                String name = parts.get(parts.size() - 1);
                int paren = name.indexOf('(');
                List<FunctionDefinition> found = engine.functions().lookup(paren >= 0 ? name.substring(0, paren) : name);
                if (found.isEmpty()) {
                    throw new ShaleException(ErrorCode.UNDEFINED_FUNCTION, "function \"" + trimmed + "\" does not exist");
                }
                yield found.get(0).oid();
            }
            case TypeOids.REGNAMESPACE -> {
                Namespace ns = objects().namespace(parts.get(0));
                if (ns == null) {
                    throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "schema \"" + parts.get(0) + "\" does not exist");
                }
                yield ns.oid();
            }
            case TypeOids.REGROLE -> {
                Role r = state.catalog().role(parts.get(0));
                if (r == null) {
                    throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "role \"" + parts.get(0) + "\" does not exist");
                }
                yield r.oid();
            }
            default -> throw new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type oid: \"" + text + "\"");
        };
    }

    private long relationOid(List<String> parts, String text) {
        String name = parts.get(parts.size() - 1);
        List<String> schemas = new ArrayList<>();
        if (parts.size() > 1) {
            schemas.add(parts.get(parts.size() - 2));
        } else {
            schemas.addAll(state.currentSchemas(true));
        }
        for (String schema : schemas) {
            Namespace ns = objects().namespace(schema);
            if (ns != null) {
                Relation r = objects().relation(ns.oid(), name);
                if (r != null) {
                    return r.oid();
                }
            }
            SystemRelation s = engine.systemCatalog().relation(schema, name);
            if (s != null) {
                return s.oid();
            }
        }
        throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + text + "\" does not exist");
    }

    private long typeOid(List<String> parts, String text) {
        String name = parts.get(parts.size() - 1);
        for (String schema : state.currentSchemas(true)) {
            Namespace ns = objects().namespace(schema);
            if (ns != null && objects().enumType(ns.oid(), name) != null) {
                return objects().enumType(ns.oid(), name).oid();
            }
        }
        try {
            String typeText = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
            SqlType t = TypeNames.resolve(typeText, List.of(), name.endsWith("[]") ? 1 : 0);
            return t.oid();
        } catch (ShaleException e) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "type \"" + text + "\" does not exist");
        }
    }
}
