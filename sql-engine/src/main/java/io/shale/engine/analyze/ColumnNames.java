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
import io.shale.grammar.ast.QuerySpecification;
import io.shale.grammar.ast.RowConstructor;
import io.shale.grammar.ast.ScalarSubquery;
import io.shale.grammar.ast.SingleColumn;
import io.shale.grammar.ast.Subscript;
import io.shale.grammar.ast.TypedLiteral;

import java.util.List;
import java.util.Locale;

/** The column label PostgreSQL gives a select-list item without an alias (FigureColname). */
public final class ColumnNames {
    private ColumnNames() {
    }

    public static String derive(Expression e) {
        String[] name = {"?column?"};
        strength(e, name);
        return name[0];
    }

    /**
     * PostgreSQL's FigureColnameInternal: 2 for a strong name (column, function), 1 for a type
     * name from a cast, 0 when nothing was found; an outer cast names the column only when its
     * argument gave no strong name.
     */
    private static int strength(Expression e, String[] name) {
        switch (e) {
            case ColumnReference c -> {
                name[0] = c.name().parts().get(c.name().parts().size() - 1);
                return 2;
            }
            case FieldReference f -> {
                name[0] = f.field();
                return 2;
            }
            case FunctionCall f -> {
                name[0] = f.name().parts().get(f.name().parts().size() - 1);
                return 2;
            }
            case Cast c -> {
                int inner = strength(c.expression(), name);
                if (inner <= 1) {
                    name[0] = last(c.type().name().parts());
                    return 1;
                }
                return inner;
            }
            case TypedLiteral t -> {
                name[0] = last(t.type().name().parts());
                return 1;
            }
            case Subscript s -> {
                return strength(s.base(), name);
            }
            case Case c -> {
                int inner = c.elseResult() == null ? 0 : strength(c.elseResult(), name);
                if (inner <= 1) {
                    name[0] = "case";
                    return 1;
                }
                return inner;
            }
            case ScalarSubquery q when q.query().body() instanceof QuerySpecification spec
                    && !spec.selectItems().isEmpty() && spec.selectItems().getFirst() instanceof SingleColumn first -> {
                name[0] = first.alias() != null ? first.alias() : derive(first.expression());
                return 2;
            }
            default -> {
                String fixed = fixedName(e);
                if (fixed != null) {
                    name[0] = fixed;
                    return 2;
                }
                return 0;
            }
        }
    }

    private static String fixedName(Expression e) {
        return switch (e) {
            case Coalesce c -> "coalesce";
            case NullIf n -> "nullif";
            case GreatestLeast g -> g.greatest() ? "greatest" : "least";
            case Exists x -> "exists";
            case ArrayConstructor a -> "array";
            case ArraySubquery a -> "array";
            case RowConstructor r -> "row";
            case CurrentValue c -> c.kind().name().toLowerCase(Locale.ROOT);
            default -> null;
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
