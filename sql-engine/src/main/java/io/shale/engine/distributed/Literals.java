package io.shale.engine.distributed;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.EnumType;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.common.types.TypeNames;
import io.shale.common.types.TypeOids;
import io.shale.grammar.SqlParser;
import io.shale.grammar.ast.Cast;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.NullLiteral;
import io.shale.grammar.ast.StringLiteral;
import io.shale.grammar.ast.TypeName;

import java.util.HashMap;
import java.util.Map;

/**
 * Values of the engine as typed SQL literals ({@code CAST('…' AS type)}) for task text: the text form of the value
 * in the session's format settings, read back by the task session with the same settings.
 */
final class Literals {
    private final DatabaseCatalog objects;
    private final SqlParser parser = new SqlParser();
    private final Map<SqlType, TypeName> typeNames = new HashMap<>();

    Literals(DatabaseCatalog objects) {
        this.objects = objects;
    }

    Expression literal(SqlType type, Object value, FormatSettings settings) {
        TypeName name = typeName(type);
        if (value == null) {
            return new Cast(new NullLiteral(0), name, 0);
        }
        return new Cast(new StringLiteral(TextCodec.format(type, value, settings), 0), name, 0);
    }

    synchronized TypeName typeName(SqlType type) {
        TypeName name = typeNames.get(type);
        if (name == null) {
            name = parser.parseType(typeText(type));
            typeNames.put(type, name);
        }
        return name;
    }

    private String typeText(SqlType type) {
        if (type.oid() == TypeOids.UNKNOWN) {
            return "text";
        }
        String builtin = TypeNames.format(type);
        if (builtin != null && !builtin.equals("???") && !builtin.startsWith("-")) {
            return builtin;
        }
        EnumType e = objects.enumType(type.oid());
        if (e != null) {
            return quoted(objects.namespace(e.namespaceOid()).name()) + "." + quoted(e.name());
        }
        for (EnumType t : objects.enumTypes()) {
            if (t.arrayOid() == type.oid()) {
                return quoted(objects.namespace(t.namespaceOid()).name()) + "." + quoted(t.name()) + "[]";
            }
        }
        return builtin;
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
