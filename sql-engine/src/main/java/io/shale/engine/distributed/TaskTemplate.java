package io.shale.engine.distributed;

import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.grammar.SqlFormatter;
import io.shale.grammar.ast.Parameter;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.StringLiteral;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a task statement printed once, cut where its parameters go, so binding parameters at each execution
 * is string concatenation of typed literals ({@code CAST('…' AS type)}), not printing the statement again.
 * Parameters are printed as marker string literals that no statement text contains (control characters).
 */
final class TaskTemplate {
    private static final String MARK = "\u0001shale-parameter-";

    private final List<String> pieces;
    private final int[] parameters;
    private final String[] typeNames;
    private final List<SqlType> parameterTypes;

    private TaskTemplate(List<String> pieces, int[] parameters, List<SqlType> parameterTypes, Literals literals) {
        this.pieces = List.copyOf(pieces);
        this.parameters = parameters;
        this.parameterTypes = parameterTypes;
        this.typeNames = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            int p = parameters[i];
            SqlType type = p < parameterTypes.size() ? parameterTypes.get(p) : SqlType.TEXT;
            typeNames[i] = SqlFormatter.format(literals.typeName(type));
        }
    }

    static TaskTemplate of(Statement statement, List<SqlType> parameterTypes, Literals literals) {
        Statement marked = AstNodes.rewrite(statement, node -> node instanceof Parameter p
                ? new StringLiteral(MARK + p.index() + "\u0001", 0) : node);
        String text = SqlFormatter.format(marked);
        List<String> pieces = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = text.indexOf("'" + MARK, from);
            if (start < 0) {
                break;
            }
            int end = text.indexOf("\u0001'", start + MARK.length() + 1);
            pieces.add(text.substring(from, start));
            order.add(Integer.parseInt(text.substring(start + 1 + MARK.length(), end)) - 1);
            from = end + 2;
        }
        pieces.add(text.substring(from));
        int[] parameters = new int[order.size()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = order.get(i);
        }
        return new TaskTemplate(pieces, parameters, parameterTypes, literals);
    }

    /** The text with the parameters bound to {@code values}. */
    String render(Object[] values, FormatSettings settings) {
        if (parameters.length == 0) {
            return pieces.getFirst();
        }
        StringBuilder out = new StringBuilder(pieces.getFirst().length() + 64);
        for (int i = 0; i < parameters.length; i++) {
            out.append(pieces.get(i));
            int p = parameters[i];
            Object value = p < values.length ? values[p] : null;
            out.append("CAST(");
            if (value == null) {
                out.append("NULL");
            } else {
                SqlType type = p < parameterTypes.size() ? parameterTypes.get(p) : SqlType.TEXT;
                String text = TextCodec.format(type, value, settings);
                out.append('\'').append(text.replace("'", "''")).append('\'');
            }
            out.append(" AS ").append(typeNames[i]).append(')');
        }
        return out.append(pieces.get(parameters.length)).toString();
    }
}
