package io.shale.grammar;

import io.shale.grammar.ast.*;
import io.shale.grammar.internal.ShaleParser;
import io.shale.grammar.internal.ShaleParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Builds operator expressions, primary expressions and literals. */
abstract class ExpressionAstBuilder extends AstBuilderSupport {

    abstract List<Expression> typeModifiers(List<TypeModifierContext> contexts);

    // ------------------------------------------------------------ boolean level

    @Override
    public Object visitValueExpression(ValueExpressionContext context) {
        return visit(context.valueExpr());
    }

    @Override
    public Object visitBetween(BetweenContext context) {
        return new Between(context.NOT() != null, context.SYMMETRIC() != null, expression(context.expr()),
                expression(context.valueExpr(0)), expression(context.valueExpr(1)), position(context.BETWEEN()));
    }

    @Override
    public Object visitInSubquery(InSubqueryContext context) {
        return new InSubquery(expression(context.expr()), (Query) visit(context.query()), context.NOT() != null,
                position(context.IN()));
    }

    @Override
    public Object visitInList(InListContext context) {
        List<Expression> values = expressions(context.expr());
        return new InList(values.getFirst(), values.subList(1, values.size()), context.NOT() != null,
                position(context.IN()));
    }

    @Override
    public Object visitQuantifiedLike(QuantifiedLikeContext context) {
        String symbol = (context.NOT() != null ? "!" : "") + (context.LIKE() != null ? "~~" : "~~*");
        Token keyword = context.LIKE() != null ? context.LIKE().getSymbol() : context.ILIKE().getSymbol();
        Quantifier quantifier = context.quantifier().ALL() != null ? Quantifier.ALL : Quantifier.ANY;
        Expression left = expression(context.expr(0));
        if (context.query() != null) {
            return new QuantifiedSubquery(OperatorName.of(symbol), quantifier, left, (Query) visit(context.query()),
                    position(keyword));
        }
        return new QuantifiedArray(OperatorName.of(symbol), quantifier, left, expression(context.expr(1)),
                position(keyword));
    }

    @Override
    public Object visitLike(LikeContext context) {
        LikeKind kind = context.LIKE() != null ? LikeKind.LIKE : LikeKind.ILIKE;
        Token operator = context.LIKE() != null ? context.LIKE().getSymbol() : context.ILIKE().getSymbol();
        return new Like(kind, context.NOT() != null, expression(context.expr()), expression(context.valueExpr(0)),
                context.valueExpr().size() > 1 ? expression(context.valueExpr(1)) : null, position(operator));
    }

    @Override
    public Object visitSimilarTo(SimilarToContext context) {
        return new Like(LikeKind.SIMILAR_TO, context.NOT() != null, expression(context.expr()),
                expression(context.valueExpr(0)), context.valueExpr().size() > 1 ? expression(context.valueExpr(1)) : null,
                position(context.SIMILAR()));
    }

    @Override
    public Object visitQuantifiedComparison(QuantifiedComparisonContext context) {
        OperatorName operator = context.comparisonOperator() != null
                ? comparison(context.comparisonOperator()) : operatorName(context.qualifiedOperator());
        Quantifier quantifier = context.quantifier().ALL() != null ? Quantifier.ALL : Quantifier.ANY;
        int position = context.comparisonOperator() != null
                ? position(context.comparisonOperator()) : position(context.qualifiedOperator());
        Expression left = expression(context.expr(0));
        if (context.query() != null) {
            return new QuantifiedSubquery(operator, quantifier, left, (Query) visit(context.query()), position);
        }
        return new QuantifiedArray(operator, quantifier, left, expression(context.expr(1)), position);
    }

    @Override
    public Object visitComparison(ComparisonContext context) {
        return new BinaryOperation(comparison(context.comparisonOperator()), expression(context.expr(0)),
                expression(context.expr(1)), position(context.comparisonOperator()));
    }

    @Override
    public Object visitIsNull(IsNullContext context) {
        return new IsNull(expression(context.expr()), context.NOT() != null, position(context.IS()));
    }

    @Override
    public Object visitIsNullShort(IsNullShortContext context) {
        Token token = context.ISNULL() != null ? context.ISNULL().getSymbol() : context.NOTNULL().getSymbol();
        return new IsNull(expression(context.expr()), context.NOTNULL() != null, position(token));
    }

    @Override
    public Object visitIsBoolean(IsBooleanContext context) {
        BooleanTestKind kind = context.TRUE() != null ? BooleanTestKind.TRUE
                : context.FALSE() != null ? BooleanTestKind.FALSE : BooleanTestKind.UNKNOWN;
        return new IsBoolean(expression(context.expr()), kind, context.NOT() != null, position(context.IS()));
    }

    @Override
    public Object visitIsDistinctFrom(IsDistinctFromContext context) {
        return new IsDistinctFrom(expression(context.expr(0)), expression(context.expr(1)), context.NOT() != null,
                position(context.IS()));
    }

    @Override
    public Object visitNot(NotContext context) {
        return new Not(expression(context.expr()), position(context.NOT()));
    }

    @Override
    public Object visitAnd(AndContext context) {
        return new LogicalBinary(LogicalOperator.AND, expression(context.expr(0)), expression(context.expr(1)),
                position(context.AND()));
    }

    @Override
    public Object visitOr(OrContext context) {
        return new LogicalBinary(LogicalOperator.OR, expression(context.expr(0)), expression(context.expr(1)),
                position(context.OR()));
    }

    // ------------------------------------------------------------ value level

    @Override
    public Object visitPrimaryValue(PrimaryValueContext context) {
        return visit(context.primaryExpr());
    }

    @Override
    public Object visitCastOperator(CastOperatorContext context) {
        return new Cast(expression(context.valueExpr()), (TypeName) visit(context.typeName()),
                position(context.TYPECAST()));
    }

    @Override
    public Object visitUnarySign(UnarySignContext context) {
        Expression operand = expression(context.valueExpr());
        int position = position(context.sign);
        if (context.sign.getType() == ShaleParser.MINUS) {
            if (operand instanceof IntegerLiteral literal) {
                return new IntegerLiteral(negate(literal.text()), position);
            }
            if (operand instanceof DecimalLiteral literal) {
                return new DecimalLiteral(negate(literal.text()), position);
            }
        }
        return new UnaryOperation(OperatorName.of(context.sign.getText()), operand, position);
    }

    private static String negate(String text) {
        return text.startsWith("-") ? text.substring(1) : "-" + text;
    }

    @Override
    public Object visitCollate(CollateContext context) {
        return new Collate(expression(context.valueExpr()), qualifiedName(context.qualifiedName()),
                position(context.COLLATE()));
    }

    @Override
    public Object visitAtTimeZone(AtTimeZoneContext context) {
        return systemFunction("timezone", List.of(expression(context.valueExpr(1)), expression(context.valueExpr(0))),
                position(context.AT()));
    }

    @Override
    public Object visitPower(PowerContext context) {
        return new BinaryOperation(OperatorName.of("^"), expression(context.valueExpr(0)),
                expression(context.valueExpr(1)), position(context.CARET()));
    }

    @Override
    public Object visitMultiplicative(MultiplicativeContext context) {
        return new BinaryOperation(OperatorName.of(context.operator.getText()), expression(context.valueExpr(0)),
                expression(context.valueExpr(1)), position(context.operator));
    }

    @Override
    public Object visitAdditive(AdditiveContext context) {
        return new BinaryOperation(OperatorName.of(context.operator.getText()), expression(context.valueExpr(0)),
                expression(context.valueExpr(1)), position(context.operator));
    }

    @Override
    public Object visitPrefixOperator(PrefixOperatorContext context) {
        return new UnaryOperation(operatorName(context.qualifiedOperator()), expression(context.valueExpr()),
                position(context.qualifiedOperator()));
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorContext context) {
        return new BinaryOperation(operatorName(context.qualifiedOperator()), expression(context.valueExpr(0)),
                expression(context.valueExpr(1)), position(context.qualifiedOperator()));
    }

    static OperatorName comparison(ComparisonOperatorContext context) {
        return OperatorName.of(normalizeOperator(context.getText()));
    }

    static OperatorName operatorName(QualifiedOperatorContext context) {
        if (context instanceof ExplicitOperatorContext explicit) {
            String schema = explicit.colId().isEmpty() ? null : String.join(".", names(explicit.colId()));
            return new OperatorName(schema, normalizeOperator(explicit.anyOperator().getText()));
        }
        return OperatorName.of(context.getText());
    }

    private static String normalizeOperator(String symbol) {
        return symbol.equals("!=") ? "<>" : symbol;
    }

    static FunctionCall systemFunction(String name, List<Expression> arguments, int position) {
        return new FunctionCall(QualifiedName.of("pg_catalog", name), arguments, false, false, false, List.of(),
                false, null, null, position);
    }

    // ------------------------------------------------------------ primary expressions

    @Override
    public Object visitLiteral(LiteralContext context) {
        return visit(context.constant());
    }

    @Override
    public Object visitParameter(ParameterContext context) {
        String text = context.PARAMETER().getText();
        int index;
        try {
            index = Integer.parseInt(text.substring(1));
        } catch (NumberFormatException e) {
            throw syntaxError("parameter number too large", context);
        }
        Expression base = new Parameter(index, position(context));
        return applyIndirection(base, context.indirection());
    }

    @Override
    public Object visitColumnReference(ColumnReferenceContext context) {
        List<String> parts = new ArrayList<>();
        parts.add(name(context.colId()));
        List<IndirectionContext> rest = context.indirection();
        int index = 0;
        while (index < rest.size() && rest.get(index) instanceof FieldIndirectionContext field
                && field.colLabel() != null) {
            parts.add(name(field.colLabel()));
            index++;
        }
        int position = position(context);
        Expression base;
        if (index < rest.size() && rest.get(index) instanceof FieldIndirectionContext star) {
            base = new QualifiedStar(new QualifiedName(parts), position);
            index++;
            if (star.ASTERISK() == null) {
                throw syntaxError("syntax error at or near \".\"", star);
            }
        } else {
            base = new ColumnReference(new QualifiedName(parts), position);
        }
        return applyIndirection(base, rest.subList(index, rest.size()));
    }

    @Override
    public Object visitFunctionCallExpression(FunctionCallExpressionContext context) {
        return applyIndirection(expression(context.functionCall()), context.indirection());
    }

    @Override
    public Object visitSpecialFunctionExpression(SpecialFunctionExpressionContext context) {
        return visit(context.specialFunction());
    }

    @Override
    public Object visitScalarSubquery(ScalarSubqueryContext context) {
        Expression base = new ScalarSubquery((Query) visit(context.query()), position(context));
        return applyIndirection(base, context.indirection());
    }

    @Override
    public Object visitParenthesized(ParenthesizedContext context) {
        return applyIndirection(expression(context.expr()), context.indirection());
    }

    @Override
    public Object visitImplicitRow(ImplicitRowContext context) {
        return new RowConstructor(expressions(context.expr()), position(context));
    }

    @Override
    public Object visitExplicitRow(ExplicitRowContext context) {
        return new RowConstructor(expressions(context.expr()), position(context));
    }

    @Override
    public Object visitExists(ExistsContext context) {
        return new Exists((Query) visit(context.query()), position(context));
    }

    @Override
    public Object visitArraySubquery(ArraySubqueryContext context) {
        return new ArraySubquery((Query) visit(context.query()), position(context));
    }

    @Override
    public Object visitArrayConstructor(ArrayConstructorContext context) {
        return applyIndirection(arrayConstructor(context.arrayBrackets(), position(context)), context.indirection());
    }

    private ArrayConstructor arrayConstructor(ArrayBracketsContext context, int position) {
        List<Expression> elements = new ArrayList<>();
        for (ArrayElementContext element : context.arrayElement()) {
            elements.add(element.arrayBrackets() != null
                    ? arrayConstructor(element.arrayBrackets(), position(element))
                    : expression(element.expr()));
        }
        return new ArrayConstructor(elements, position);
    }

    @Override
    public Object visitCase(CaseContext context) {
        List<WhenClause> whens = new ArrayList<>();
        for (WhenClauseContext when : context.whenClause()) {
            whens.add(new WhenClause(expression(when.condition), expression(when.result)));
        }
        return new Case(expression(context.operand), whens, expression(context.elseExpr), position(context));
    }

    Expression applyIndirection(Expression base, List<IndirectionContext> indirections) {
        Expression result = base;
        for (IndirectionContext indirection : indirections) {
            int position = position(indirection);
            result = switch (indirection) {
                case FieldIndirectionContext field -> field.ASTERISK() != null
                        ? new FieldStar(result, position)
                        : new FieldReference(result, name(field.colLabel()), position);
                case SubscriptIndirectionContext subscript ->
                        new Subscript(result, expression(subscript.expr()), position);
                case SliceIndirectionContext slice ->
                        new Slice(result, expression(slice.lower), expression(slice.upper), position);
                default -> throw new IllegalStateException("unknown indirection " + indirection.getText());
            };
        }
        return result;
    }

    // ------------------------------------------------------------ literals

    @Override
    public Object visitIntegerLiteral(IntegerLiteralContext context) {
        return new IntegerLiteral(context.getText(), position(context));
    }

    @Override
    public Object visitDecimalLiteral(DecimalLiteralContext context) {
        return new DecimalLiteral(context.getText(), position(context));
    }

    @Override
    public Object visitStringLiteral(StringLiteralContext context) {
        return new StringLiteral(string(context.string()), position(context));
    }

    @Override
    public Object visitBitStringLiteral(BitStringLiteralContext context) {
        String text = context.getText();
        String digits = text.substring(2, text.length() - 1);
        char kind = Character.toLowerCase(text.charAt(0));
        return new BitStringLiteral(kind + digits, position(context));
    }

    @Override
    public Object visitTrueLiteral(TrueLiteralContext context) {
        return new BooleanLiteral(true, position(context));
    }

    @Override
    public Object visitFalseLiteral(FalseLiteralContext context) {
        return new BooleanLiteral(false, position(context));
    }

    @Override
    public Object visitNullLiteral(NullLiteralContext context) {
        return new NullLiteral(position(context));
    }

    @Override
    public Object visitIntervalLiteral(IntervalLiteralContext context) {
        TypeName type = TypeNames.interval(context.intervalFields(), null, position(context));
        return new TypedLiteral(type, string(context.string()), position(context));
    }

    @Override
    public Object visitIntervalPrecisionLiteral(IntervalPrecisionLiteralContext context) {
        TypeName type = TypeNames.interval(null, context.INTEGER_VALUE(), position(context));
        return new TypedLiteral(type, string(context.string()), position(context));
    }

    @Override
    public Object visitTypedLiteral(TypedLiteralContext context) {
        ConstantTypeNameContext typeContext = context.constantTypeName();
        TypeName type;
        if (typeContext.specialTypeName() != null) {
            type = (TypeName) visit(typeContext.specialTypeName());
        } else {
            List<String> parts = new ArrayList<>();
            parts.add(name(typeContext.typeFunctionName()));
            parts.addAll(names(typeContext.colLabel()));
            type = new TypeName(new QualifiedName(parts), typeModifiers(typeContext.typeModifier()), List.of(), null,
                    position(typeContext));
        }
        return new TypedLiteral(type, string(context.string()), position(context));
    }
}
