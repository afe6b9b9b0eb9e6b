package io.shale.engine.analyze;

import io.shale.grammar.ast.Case;
import io.shale.grammar.ast.Cast;
import io.shale.grammar.ast.Coalesce;
import io.shale.grammar.ast.ColumnReference;
import io.shale.grammar.ast.CurrentValue;
import io.shale.grammar.ast.Exists;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.FieldReference;
import io.shale.grammar.ast.FunctionCall;
import io.shale.grammar.ast.GreatestLeast;
import io.shale.grammar.ast.NullIf;
import io.shale.grammar.ast.ArrayConstructor;
import io.shale.grammar.ast.ArraySubquery;
import io.shale.grammar.ast.RowConstructor;
import io.shale.grammar.ast.Subscript;
import io.shale.grammar.ast.TypedLiteral;

import java.util.List;
import java.util.Locale;

/** The column label PostgreSQL gives a select-list item without an alias (FigureColname). */
final class ColumnNames {
    private ColumnNames() {
    }

    static String derive(Expression e) {
        return switch (e) {
            case ColumnReference c -> last(c.name().parts());
            case FieldReference f -> f.field();
            case FunctionCall f -> last(f.name().parts());
            case Cast c -> {
                String inner = derive(c.expression());
                yield inner.equals("?column?") ? last(c.type().name().parts()) : inner;
            }
            case TypedLiteral t -> last(t.type().name().parts());
            case Case c -> "case";
            case Coalesce c -> "coalesce";
            case NullIf n -> "nullif";
            case GreatestLeast g -> g.greatest() ? "greatest" : "least";
            case Exists x -> "exists";
            case ArrayConstructor a -> "array";
            case ArraySubquery a -> "array";
            case RowConstructor r -> "row";
            case Subscript s -> derive(s.base());
            case CurrentValue c -> c.kind().name().toLowerCase(Locale.ROOT);
            default -> "?column?";
        };
    }

    private static String last(List<String> parts) {
        String name = parts.get(parts.size() - 1);
        return switch (name) {
            case "integer", "int" -> "int4";
            case "smallint" -> "int2";
            case "bigint" -> "int8";
            case "boolean" -> "bool";
            case "real" -> "float4";
            case "double precision" -> "float8";
            case "decimal" -> "numeric";
            case "character varying" -> "varchar";
            case "character", "char" -> "bpchar";
            default -> name;
        };
    }
}
