package io.shale.grammar;

import io.shale.grammar.ast.*;
import io.shale.grammar.internal.ShaleLexer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Prints expressions, type names and names; every compound expression is fully parenthesised. */
class ExpressionFormatter {
    private static final Set<String> KEYWORDS = keywords();

    private static Set<String> keywords() {
        Set<String> result = new HashSet<>();
        for (int type = 1; type <= ShaleLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = ShaleLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && literal.length() > 2 && Character.isLetter(literal.charAt(1))) {
                result.add(literal.substring(1, literal.length() - 1).toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(result);
    }

    /** Quotes an identifier when PostgreSQL would not read it back unchanged without quotes. */
    static String identifier(String name) {
        boolean plain = !name.isEmpty() && !KEYWORDS.contains(name);
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = c >= 'a' && c <= 'z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '$');
        }
        return plain ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    static String name(QualifiedName name) {
        StringBuilder out = new StringBuilder(identifier(name.parts().getFirst()));
        for (int i = 1; i < name.parts().size(); i++) {
            out.append('.').append(label(name.parts().get(i)));
        }
        return out.toString();
    }

    /** Quotes a name used after a dot, where PostgreSQL accepts every keyword unquoted. */
    static String label(String name) {
        String quoted = identifier(name);
        return KEYWORDS.contains(name) ? name : quoted;
    }

    static String names(List<String> names) {
        return join(names, ExpressionFormatter::identifier, ", ");
    }

    static String string(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    static <T> String join(List<T> items, Function<T, String> printer, String separator) {
        StringBuilder out = new StringBuilder();
        for (T item : items) {
            if (!out.isEmpty()) {
                out.append(separator);
            }
            out.append(printer.apply(item));
        }
        return out.toString();
    }

    String expressions(List<Expression> expressions) {
        return join(expressions, this::expression, ", ");
    }

    /** Prints a query; overridden by the statement formatter, which knows queries. */
    String query(Query query) {
        throw new IllegalStateException("queries are printed by the statement formatter");
    }

    String expression(Expression expression) {
        return switch (expression) {
            case IntegerLiteral literal -> literal.text().startsWith("-") ? "(" + literal.text() + ")" : literal.text();
            case DecimalLiteral literal -> literal.text().startsWith("-") ? "(" + literal.text() + ")" : literal.text();
            case StringLiteral literal -> string(literal.value());
            case BitStringLiteral literal -> Character.toUpperCase(literal.value().charAt(0))
                    + string(literal.value().substring(1));
            case BooleanLiteral literal -> literal.value() ? "TRUE" : "FALSE";
            case NullLiteral ignored -> "NULL";
            case TypedLiteral literal -> typedLiteral(literal);
            case Parameter parameter -> "$" + parameter.index();
            case ColumnReference column -> name(column.name());
            case QualifiedStar star -> name(star.qualifier()) + ".*";
            case FieldReference field -> "(" + expression(field.base()) + ")." + identifier(field.field());
            case FieldStar star -> "(" + expression(star.base()) + ").*";
            case Subscript subscript -> "(" + expression(subscript.base()) + ")[" + expression(subscript.index()) + "]";
            case Slice slice -> "(" + expression(slice.base()) + ")[" + optional(slice.lower()) + ":"
                    + optional(slice.upper()) + "]";
            case FunctionCall call -> functionCall(call);
            case NamedArgument argument -> identifier(argument.name()) + " => " + expression(argument.value());
            case CurrentValue value -> currentValue(value);
            case Coalesce coalesce -> "COALESCE(" + expressions(coalesce.operands()) + ")";
            case NullIf nullIf -> "NULLIF(" + expression(nullIf.first()) + ", " + expression(nullIf.second()) + ")";
            case GreatestLeast function -> (function.greatest() ? "GREATEST(" : "LEAST(")
                    + expressions(function.operands()) + ")";
            case Cast cast -> "CAST(" + expression(cast.expression()) + " AS " + type(cast.type()) + ")";
            case Collate collate -> "(" + expression(collate.expression()) + " COLLATE " + name(collate.collation())
                    + ")";
            case BinaryOperation operation -> "(" + expression(operation.left()) + " " + operator(operation.operator())
                    + " " + expression(operation.right()) + ")";
            case UnaryOperation operation -> "(" + operator(operation.operator()) + " "
                    + expression(operation.operand()) + ")";
            case LogicalBinary logical -> "(" + expression(logical.left()) + " " + logical.operator().name() + " "
                    + expression(logical.right()) + ")";
            case Not not -> "(NOT " + expression(not.operand()) + ")";
            case Like like -> "(" + expression(like.value()) + (like.negated() ? " NOT " : " ") + switch (like.kind()) {
                case LIKE -> "LIKE";
                case ILIKE -> "ILIKE";
                case SIMILAR_TO -> "SIMILAR TO";
            } + " " + expression(like.pattern()) + (like.escape() == null ? "" : " ESCAPE " + expression(like.escape()))
                    + ")";
            case Between between -> "(" + expression(between.value()) + (between.negated() ? " NOT" : "")
                    + " BETWEEN " + (between.symmetric() ? "SYMMETRIC " : "") + expression(between.lower()) + " AND "
                    + expression(between.upper()) + ")";
            case IsNull isNull -> "(" + expression(isNull.value()) + (isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
            case IsBoolean test -> "(" + expression(test.value()) + (test.negated() ? " IS NOT " : " IS ")
                    + test.test().name() + ")";
            case IsDistinctFrom distinct -> "(" + expression(distinct.left())
                    + (distinct.negated() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ")
                    + expression(distinct.right()) + ")";
            case InList in -> "(" + expression(in.value()) + (in.negated() ? " NOT IN (" : " IN (")
                    + expressions(in.list()) + "))";
            case InSubquery in -> "(" + expression(in.value()) + (in.negated() ? " NOT IN (" : " IN (")
                    + query(in.query()) + "))";
            case Exists exists -> "EXISTS (" + query(exists.query()) + ")";
            case ScalarSubquery subquery -> "(" + query(subquery.query()) + ")";
            case ArraySubquery subquery -> "ARRAY(" + query(subquery.query()) + ")";
            case QuantifiedSubquery quantified -> "(" + expression(quantified.left()) + " "
                    + operator(quantified.operator()) + " " + quantified.quantifier().name() + " ("
                    + query(quantified.query()) + "))";
            case QuantifiedArray quantified -> "(" + expression(quantified.left()) + " "
                    + operator(quantified.operator()) + " " + quantified.quantifier().name() + " ("
                    + expression(quantified.array()) + "))";
            case ArrayConstructor array -> "ARRAY[" + expressions(array.elements()) + "]";
            case RowConstructor row -> "ROW(" + expressions(row.fields()) + ")";
            case Case caseExpression -> caseExpression(caseExpression);
            case DefaultValue ignored -> "DEFAULT";
        };
    }

    private String optional(Expression expression) {
        return expression == null ? "" : expression(expression);
    }

    static String operator(OperatorName operator) {
        if (operator.schema() == null) {
            return operator.symbol();
        }
        StringBuilder out = new StringBuilder("OPERATOR(");
        for (String part : operator.schema().split("\\.")) {
            out.append(identifier(part)).append('.');
        }
        return out.append(operator.symbol()).append(')').toString();
    }

    private String typedLiteral(TypedLiteral literal) {
        TypeName type = literal.type();
        if (isInterval(type)) {
            if (type.intervalFields() == null && type.modifiers().isEmpty()) {
                return "INTERVAL " + string(literal.value());
            }
            if (type.intervalFields() == null) {
                return "INTERVAL(" + expressions(type.modifiers()) + ") " + string(literal.value());
            }
            return "INTERVAL " + string(literal.value()) + " " + intervalFields(type);
        }
        String modifiers = type.modifiers().isEmpty() ? "" : "(" + expressions(type.modifiers()) + ")";
        return name(type.name()) + modifiers + " " + string(literal.value());
    }

    private static boolean isInterval(TypeName type) {
        return type.name().parts().equals(List.of("pg_catalog", "interval"));
    }

    private String intervalFields(TypeName type) {
        String fields = type.intervalFields().toUpperCase(Locale.ROOT);
        return type.modifiers().isEmpty() ? fields : fields + "(" + expressions(type.modifiers()) + ")";
    }

    String type(TypeName type) {
        StringBuilder out = new StringBuilder();
        if (isInterval(type) && type.intervalFields() != null) {
            out.append("INTERVAL ").append(intervalFields(type));
        } else if (isInterval(type) && !type.modifiers().isEmpty()) {
            out.append("INTERVAL(").append(expressions(type.modifiers())).append(')');
        } else {
            out.append(name(type.name()));
            if (!type.modifiers().isEmpty()) {
                out.append('(').append(expressions(type.modifiers())).append(')');
            }
        }
        for (int bound : type.arrayBounds()) {
            out.append(bound < 0 ? "[]" : "[" + bound + "]");
        }
        return out.toString();
    }

    private String currentValue(CurrentValue value) {
        String keyword = value.kind().name();
        return value.precision() < 0 ? keyword : keyword + "(" + value.precision() + ")";
    }

    private String caseExpression(Case expression) {
        StringBuilder out = new StringBuilder("CASE");
        if (expression.operand() != null) {
            out.append(' ').append(expression(expression.operand()));
        }
        for (WhenClause when : expression.whenClauses()) {
            out.append(" WHEN ").append(expression(when.condition())).append(" THEN ")
                    .append(expression(when.result()));
        }
        if (expression.elseResult() != null) {
            out.append(" ELSE ").append(expression(expression.elseResult()));
        }
        return out.append(" END").toString();
    }

    private String functionCall(FunctionCall call) {
        StringBuilder out = new StringBuilder(name(call.name())).append('(');
        if (call.star()) {
            out.append('*');
        } else {
            if (call.distinct()) {
                out.append("DISTINCT ");
            }
            List<Expression> arguments = call.arguments();
            for (int i = 0; i < arguments.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                if (call.variadic() && i == arguments.size() - 1) {
                    out.append("VARIADIC ");
                }
                out.append(expression(arguments.get(i)));
            }
            if (!call.withinGroup() && !call.orderBy().isEmpty()) {
                out.append(" ORDER BY ").append(sortItems(call.orderBy()));
            }
        }
        out.append(')');
        if (call.withinGroup()) {
            out.append(" WITHIN GROUP (ORDER BY ").append(sortItems(call.orderBy())).append(')');
        }
        if (call.filter() != null) {
            out.append(" FILTER (WHERE ").append(expression(call.filter())).append(')');
        }
        if (call.window() != null) {
            out.append(" OVER (").append(window(call.window())).append(')');
        }
        return out.toString();
    }

    String sortItems(List<SortItem> items) {
        return join(items, this::sortItem, ", ");
    }

    private String sortItem(SortItem item) {
        String text = expression(item.expression()) + " " + item.order().name();
        return switch (item.nullOrdering()) {
            case DEFAULT -> text;
            case FIRST -> text + " NULLS FIRST";
            case LAST -> text + " NULLS LAST";
        };
    }

    String window(WindowSpecification window) {
        StringBuilder out = new StringBuilder();
        if (window.existingWindow() != null) {
            out.append(identifier(window.existingWindow()));
        }
        if (!window.partitionBy().isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append("PARTITION BY ").append(expressions(window.partitionBy()));
        }
        if (!window.orderBy().isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append("ORDER BY ").append(sortItems(window.orderBy()));
        }
        WindowFrame frame = window.frame();
        if (frame != null) {
            out.append(out.isEmpty() ? "" : " ").append(frame.mode().name()).append(' ');
            if (frame.end() == null) {
                out.append(frameBound(frame.start()));
            } else {
                out.append("BETWEEN ").append(frameBound(frame.start())).append(" AND ")
                        .append(frameBound(frame.end()));
            }
            switch (frame.exclusion()) {
                case NO_OTHERS -> { }
                case CURRENT_ROW -> out.append(" EXCLUDE CURRENT ROW");
                case GROUP -> out.append(" EXCLUDE GROUP");
                case TIES -> out.append(" EXCLUDE TIES");
            }
        }
        return out.toString();
    }

    private String frameBound(FrameBound bound) {
        return switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            case CURRENT_ROW -> "CURRENT ROW";
            case PRECEDING -> expression(bound.offset()) + " PRECEDING";
            case FOLLOWING -> expression(bound.offset()) + " FOLLOWING";
        };
    }
}
