package io.shale.grammar;

import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.IntegerLiteral;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.TypeName;
import io.shale.grammar.internal.ShaleParser.IntervalFieldsContext;
import java.util.List;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Construction of type names, with SQL-standard spellings mapped to pg_catalog names as PostgreSQL does. */
final class TypeNames {
    private TypeNames() {
    }

    /** A pg_catalog type without modifiers. */
    static TypeName system(String name, int position) {
        return new TypeName(QualifiedName.of("pg_catalog", name), List.of(), List.of(), null, position);
    }

    /** A pg_catalog type with an optional integer modifier. */
    static TypeName system(String name, TerminalNode modifier, int position) {
        if (modifier == null) {
            return system(name, position);
        }
        return system(name, List.of(integer(modifier)), position);
    }

    static TypeName system(String name, List<Expression> modifiers, int position) {
        return new TypeName(QualifiedName.of("pg_catalog", name), modifiers, List.of(), null, position);
    }

    static Expression integer(TerminalNode node) {
        return new IntegerLiteral(node.getText(), node.getSymbol().getStartIndex() + 1);
    }

    /** An interval type with optional fields (e.g. day to second(3)) or an optional precision. */
    static TypeName interval(IntervalFieldsContext fields, TerminalNode precision, int position) {
        String fieldText = null;
        TerminalNode secondsPrecision = precision;
        if (fields != null) {
            StringBuilder text = new StringBuilder();
            for (ParseTree child : fields.children) {
                if (child instanceof TerminalNode terminal && terminal.getSymbol().getType() > 0
                        && Character.isLetter(terminal.getText().charAt(0))) {
                    if (!text.isEmpty()) {
                        text.append(' ');
                    }
                    text.append(StringLiterals.foldCase(terminal.getText()));
                }
            }
            fieldText = text.toString();
            if (fields.INTEGER_VALUE() != null) {
                secondsPrecision = fields.INTEGER_VALUE();
            }
        }
        List<Expression> modifiers = secondsPrecision == null ? List.of() : List.of(integer(secondsPrecision));
        return new TypeName(QualifiedName.of("pg_catalog", "interval"), modifiers, List.of(), fieldText, position);
    }
}
