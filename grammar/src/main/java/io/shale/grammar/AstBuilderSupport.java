package io.shale.grammar;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.internal.ShaleParser;
import io.shale.grammar.internal.ShaleParserBaseVisitor;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Helpers shared by the AST builder layers: positions, names, literals and lists. */
abstract class AstBuilderSupport extends ShaleParserBaseVisitor<Object> {

    static int position(ParserRuleContext context) {
        return context.getStart().getStartIndex() + 1;
    }

    static int position(Token token) {
        return token.getStartIndex() + 1;
    }

    static int position(TerminalNode node) {
        return node.getSymbol().getStartIndex() + 1;
    }

    /** The name denoted by an identifier-like rule (colId, colLabel, nonReservedWord...). */
    static String name(ParserRuleContext context) {
        try {
            return StringLiterals.decodeIdentifier(context.getText());
        } catch (ShaleException e) {
            throw e.withPosition(position(context) + Math.max(e.position(), 1) - 1);
        }
    }

    static List<String> names(ShaleParser.IdentifierListContext context) {
        if (context == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (ShaleParser.ColIdContext id : context.colId()) {
            result.add(name(id));
        }
        return result;
    }

    static List<String> names(List<? extends ParserRuleContext> contexts) {
        List<String> result = new ArrayList<>(contexts.size());
        for (ParserRuleContext context : contexts) {
            result.add(name(context));
        }
        return result;
    }

    static QualifiedName qualifiedName(ShaleParser.QualifiedNameContext context) {
        if (context == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(name(context.colId()));
        for (ShaleParser.ColLabelContext label : context.colLabel()) {
            parts.add(name(label));
        }
        return new QualifiedName(parts);
    }

    static List<QualifiedName> qualifiedNames(List<ShaleParser.QualifiedNameContext> contexts) {
        List<QualifiedName> result = new ArrayList<>(contexts.size());
        for (ShaleParser.QualifiedNameContext context : contexts) {
            result.add(qualifiedName(context));
        }
        return result;
    }

    static String string(ShaleParser.StringContext context) {
        if (context == null) {
            return null;
        }
        try {
            return StringLiterals.decodeString(context.getText());
        } catch (ShaleException e) {
            throw e.withPosition(position(context) + Math.max(e.position(), 1) - 1);
        }
    }

    static String nameOrString(ShaleParser.NonReservedWordOrStringContext context) {
        if (context == null) {
            return null;
        }
        return context.string() != null ? string(context.string()) : name(context.nonReservedWord());
    }

    static long signedLong(ShaleParser.SignedNumberContext context) {
        try {
            return Long.parseLong(context.getText());
        } catch (NumberFormatException e) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + context.getText() + "\" is out of range for type bigint")
                    .withPosition(position(context));
        }
    }

    static int integer(TerminalNode node) {
        try {
            return Integer.parseInt(node.getText());
        } catch (NumberFormatException e) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + node.getText() + "\" is out of range for type integer")
                    .withPosition(position(node));
        }
    }

    /** The text of a boolean, string, number or word used as an option value. */
    static String optionValue(ParserRuleContext context) {
        return switch (context) {
            case null -> null;
            case ShaleParser.BooleanOrStringContext value -> {
                if (value.string() != null) {
                    yield string(value.string());
                }
                yield value.nonReservedWord() != null ? name(value.nonReservedWord())
                        : StringLiterals.foldCase(value.getText());
            }
            case ShaleParser.VarValueContext value -> value.booleanOrString() != null
                    ? optionValue(value.booleanOrString()) : value.getText();
            default -> StringLiterals.foldCase(context.getText());
        };
    }

    Expression expression(ParserRuleContext context) {
        return context == null ? null : (Expression) visit(context);
    }

    List<Expression> expressions(List<? extends ParserRuleContext> contexts) {
        List<Expression> result = new ArrayList<>(contexts.size());
        for (ParserRuleContext context : contexts) {
            result.add((Expression) visit(context));
        }
        return result;
    }

    <T> List<T> visitAll(List<? extends ParserRuleContext> contexts, Class<T> type) {
        List<T> result = new ArrayList<>(contexts.size());
        for (ParserRuleContext context : contexts) {
            result.add(type.cast(visit(context)));
        }
        return result;
    }

    static ShaleException syntaxError(String message, ParserRuleContext context) {
        return new ShaleException(ErrorCode.SYNTAX_ERROR, message).withPosition(position(context));
    }
}
