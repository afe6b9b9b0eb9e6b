package io.shale.grammar;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.*;
import io.shale.grammar.internal.ShaleParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds function calls, SQL-standard special functions, windows, sort keys and type names. */
abstract class FunctionAstBuilder extends ExpressionAstBuilder {

    // ------------------------------------------------------------ function calls

    @Override
    public Object visitStarCall(StarCallContext context) {
        return new FunctionCall(functionName(context.functionName()), List.of(), false, true, false, List.of(),
                false, expression(context.filter()), window(context.over()), position(context));
    }

    @Override
    public Object visitEmptyCall(EmptyCallContext context) {
        List<SortItem> within = withinGroup(context.withinGroup());
        return new FunctionCall(functionName(context.functionName()), List.of(), false, false, false, within,
                context.withinGroup() != null, expression(context.filter()), window(context.over()),
                position(context));
    }

    @Override
    public Object visitArgumentCall(ArgumentCallContext context) {
        List<Expression> arguments = expressions(context.functionArgument());
        boolean variadic = context.variadic != null;
        if (variadic) {
            arguments = new ArrayList<>(arguments);
            arguments.removeLast();
        }
        List<Expression> all = new ArrayList<>(arguments);
        if (variadic) {
            all.add(expression(context.variadic));
        }
        List<SortItem> orderBy = context.withinGroup() != null ? withinGroup(context.withinGroup())
                : sortItems(context.orderBy());
        boolean distinct = context.setQuantifier() != null && context.setQuantifier().DISTINCT() != null;
        return new FunctionCall(functionName(context.functionName()), all, distinct, false, variadic, orderBy,
                context.withinGroup() != null, expression(context.filter()), window(context.over()),
                position(context));
    }

    @Override
    public Object visitVariadicCall(VariadicCallContext context) {
        List<SortItem> orderBy = context.withinGroup() != null ? withinGroup(context.withinGroup())
                : sortItems(context.orderBy());
        return new FunctionCall(functionName(context.functionName()), List.of(expression(context.variadic)), false,
                false, true, orderBy, context.withinGroup() != null, expression(context.filter()),
                window(context.over()), position(context));
    }

    @Override
    public Object visitNamedArgument(NamedArgumentContext context) {
        return new NamedArgument(name(context.typeFunctionName()), expression(context.expr()), position(context));
    }

    @Override
    public Object visitPositionalArgument(PositionalArgumentContext context) {
        return visit(context.expr());
    }

    @Override
    public Object visitFilter(FilterContext context) {
        return visit(context.expr());
    }

    private static QualifiedName functionName(FunctionNameContext context) {
        List<String> parts = new ArrayList<>();
        if (context.typeFunctionName() != null) {
            parts.add(name(context.typeFunctionName()));
        } else {
            parts.add(name(context.colId()));
            parts.addAll(names(context.colLabel()));
        }
        return new QualifiedName(parts);
    }

    private List<SortItem> withinGroup(WithinGroupContext context) {
        return context == null ? List.of() : sortItems(context.orderBy());
    }

    List<SortItem> sortItems(OrderByContext context) {
        return context == null ? List.of() : visitAll(context.sortItem(), SortItem.class);
    }

    @Override
    public Object visitSortItem(SortItemContext context) {
        SortOrder order = context.DESC() != null ? SortOrder.DESC : SortOrder.ASC;
        NullOrdering nulls = context.FIRST() != null ? NullOrdering.FIRST
                : context.LAST() != null ? NullOrdering.LAST : NullOrdering.DEFAULT;
        return new SortItem(expression(context.expr()), order, nulls);
    }

    // ------------------------------------------------------------ windows

    private WindowSpecification window(OverContext context) {
        return switch (context) {
            case null -> null;
            case OverNameContext named -> new WindowSpecification(name(named.colId()), List.of(), List.of(), null);
            case OverSpecificationContext specification ->
                    (WindowSpecification) visit(specification.windowSpecification());
            default -> throw new IllegalStateException("unknown window " + context.getText());
        };
    }

    @Override
    public Object visitWindowSpecification(WindowSpecificationContext context) {
        String existing = context.existing == null ? null : name(context.existing);
        return new WindowSpecification(existing, expressions(context.expr()), sortItems(context.orderBy()),
                context.windowFrame() == null ? null : (WindowFrame) visit(context.windowFrame()));
    }

    @Override
    public Object visitWindowFrame(WindowFrameContext context) {
        FrameMode mode = FrameMode.valueOf(context.frameMode.getText().toUpperCase(java.util.Locale.ROOT));
        FrameExclusion exclusion = FrameExclusion.NO_OTHERS;
        FrameExclusionContext excluded = context.frameExclusion();
        if (excluded != null) {
            exclusion = excluded.CURRENT() != null ? FrameExclusion.CURRENT_ROW
                    : excluded.GROUP() != null ? FrameExclusion.GROUP
                    : excluded.TIES() != null ? FrameExclusion.TIES : FrameExclusion.NO_OTHERS;
        }
        return new WindowFrame(mode, (FrameBound) visit(context.start),
                context.end == null ? null : (FrameBound) visit(context.end), exclusion);
    }

    @Override
    public Object visitUnboundedPreceding(UnboundedPrecedingContext context) {
        return new FrameBound(FrameBoundType.UNBOUNDED_PRECEDING, null);
    }

    @Override
    public Object visitUnboundedFollowing(UnboundedFollowingContext context) {
        return new FrameBound(FrameBoundType.UNBOUNDED_FOLLOWING, null);
    }

    @Override
    public Object visitCurrentRowBound(CurrentRowBoundContext context) {
        return new FrameBound(FrameBoundType.CURRENT_ROW, null);
    }

    @Override
    public Object visitPrecedingBound(PrecedingBoundContext context) {
        return new FrameBound(FrameBoundType.PRECEDING, expression(context.valueExpr()));
    }

    @Override
    public Object visitFollowingBound(FollowingBoundContext context) {
        return new FrameBound(FrameBoundType.FOLLOWING, expression(context.valueExpr()));
    }

    // ------------------------------------------------------------ special functions

    private static int precision(TerminalNode node) {
        return node == null ? -1 : integer(node);
    }

    @Override
    public Object visitCurrentDate(CurrentDateContext context) {
        return new CurrentValue(CurrentValueKind.CURRENT_DATE, -1, position(context));
    }

    @Override
    public Object visitCurrentTime(CurrentTimeContext context) {
        return new CurrentValue(CurrentValueKind.CURRENT_TIME, precision(context.INTEGER_VALUE()), position(context));
    }

    @Override
    public Object visitCurrentTimestamp(CurrentTimestampContext context) {
        return new CurrentValue(CurrentValueKind.CURRENT_TIMESTAMP, precision(context.INTEGER_VALUE()),
                position(context));
    }

    @Override
    public Object visitLocalTime(LocalTimeContext context) {
        return new CurrentValue(CurrentValueKind.LOCALTIME, precision(context.INTEGER_VALUE()), position(context));
    }

    @Override
    public Object visitLocalTimestamp(LocalTimestampContext context) {
        return new CurrentValue(CurrentValueKind.LOCALTIMESTAMP, precision(context.INTEGER_VALUE()),
                position(context));
    }

    @Override
    public Object visitCurrentRole(CurrentRoleContext context) {
        return new CurrentValue(CurrentValueKind.CURRENT_ROLE, -1, position(context));
    }

    @Override
    public Object visitCurrentUser(CurrentUserContext context) {
        return new CurrentValue(CurrentValueKind.CURRENT_USER, -1, position(context));
    }

    @Override
    public Object visitSessionUser(SessionUserContext context) {
        return new CurrentValue(CurrentValueKind.SESSION_USER, -1, position(context));
    }

    @Override
    public Object visitUser(UserContext context) {
        return new CurrentValue(CurrentValueKind.USER, -1, position(context));
    }

    @Override
    public Object visitCurrentCatalog(CurrentCatalogContext context) {
        return new CurrentValue(CurrentValueKind.CURRENT_CATALOG, -1, position(context));
    }

    @Override
    public Object visitCurrentSchema(CurrentSchemaContext context) {
        return new CurrentValue(CurrentValueKind.CURRENT_SCHEMA, -1, position(context));
    }

    @Override
    public Object visitCast(CastContext context) {
        return new Cast(expression(context.expr()), (TypeName) visit(context.typeName()), position(context));
    }

    @Override
    public Object visitExtract(ExtractContext context) {
        ExtractFieldContext field = context.extractField();
        String fieldName = field.string() != null ? string(field.string()) : name(field.identifier());
        return systemFunction("extract", List.of(new StringLiteral(fieldName, position(field)),
                expression(context.expr())), position(context));
    }

    @Override
    public Object visitOverlay(OverlayContext context) {
        return systemFunction("overlay", expressions(context.expr()), position(context));
    }

    @Override
    public Object visitOverlayList(OverlayListContext context) {
        return systemFunction("overlay", expressions(context.expr()), position(context));
    }

    @Override
    public Object visitPosition(PositionContext context) {
        return systemFunction("position", List.of(expression(context.valueExpr(1)), expression(context.valueExpr(0))),
                position(context));
    }

    @Override
    public Object visitSubstringFrom(SubstringFromContext context) {
        return systemFunction("substring", expressions(context.expr()), position(context));
    }

    @Override
    public Object visitSubstringFor(SubstringForContext context) {
        List<Expression> parts = expressions(context.expr());
        Expression start = parts.size() > 2 ? parts.get(2) : new IntegerLiteral("1", position(context));
        return systemFunction("substring", List.of(parts.get(0), start, parts.get(1)), position(context));
    }

    @Override
    public Object visitSubstringSimilar(SubstringSimilarContext context) {
        return systemFunction("substring", expressions(context.expr()), position(context));
    }

    @Override
    public Object visitSubstringList(SubstringListContext context) {
        return systemFunction("substring", expressions(context.expr()), position(context));
    }

    @Override
    public Object visitTrimFrom(TrimFromContext context) {
        List<Expression> arguments = new ArrayList<>();
        for (ExprContext argument : context.expr()) {
            if (argument != context.trimChars) {
                arguments.add(expression(argument));
            }
        }
        if (context.trimChars != null) {
            arguments.add(expression(context.trimChars));
        }
        return systemFunction(trimFunction(context.trimSide == null ? null : context.trimSide.getText()), arguments,
                position(context));
    }

    @Override
    public Object visitTrimList(TrimListContext context) {
        return systemFunction(trimFunction(context.trimSide == null ? null : context.trimSide.getText()),
                expressions(context.expr()), position(context));
    }

    private static String trimFunction(String side) {
        if (side == null) {
            return "btrim";
        }
        return switch (StringLiterals.foldCase(side)) {
            case "leading" -> "ltrim";
            case "trailing" -> "rtrim";
            default -> "btrim";
        };
    }

    @Override
    public Object visitCoalesce(CoalesceContext context) {
        return new Coalesce(expressions(context.expr()), position(context));
    }

    @Override
    public Object visitNullIf(NullIfContext context) {
        return new NullIf(expression(context.expr(0)), expression(context.expr(1)), position(context));
    }

    @Override
    public Object visitGreatest(GreatestContext context) {
        return new GreatestLeast(true, expressions(context.expr()), position(context));
    }

    @Override
    public Object visitLeast(LeastContext context) {
        return new GreatestLeast(false, expressions(context.expr()), position(context));
    }

    @Override
    public Object visitCollationFor(CollationForContext context) {
        return systemFunction("pg_collation_for", List.of(expression(context.expr())), position(context));
    }

    // ------------------------------------------------------------ types

    @Override
    public Object visitTypeName(TypeNameContext context) {
        TypeName base = (TypeName) visit(context.baseTypeName());
        List<Integer> bounds = new ArrayList<>();
        if (context.ARRAY() != null) {
            bounds.add(context.INTEGER_VALUE() == null ? -1 : integer(context.INTEGER_VALUE()));
        } else if (context.arrayBounds() != null) {
            ArrayBoundsContext arrayBounds = context.arrayBounds();
            int child = 0;
            while (child < arrayBounds.getChildCount()) {
                String next = arrayBounds.getChild(child + 1).getText();
                if (next.equals("]")) {
                    bounds.add(-1);
                    child += 2;
                } else {
                    bounds.add(integer((TerminalNode) arrayBounds.getChild(child + 1)));
                    child += 3;
                }
            }
        }
        return new TypeName(base.name(), base.modifiers(), bounds, base.intervalFields(), position(context));
    }

    @Override
    public Object visitSpecialType(SpecialTypeContext context) {
        return visit(context.specialTypeName());
    }

    @Override
    public Object visitGenericType(GenericTypeContext context) {
        List<String> parts = new ArrayList<>();
        parts.add(name(context.typeFunctionName()));
        parts.addAll(names(context.colLabel()));
        return new TypeName(new QualifiedName(parts), typeModifiers(context.typeModifier()), List.of(), null,
                position(context));
    }

    @Override
    List<Expression> typeModifiers(List<TypeModifierContext> contexts) {
        List<Expression> modifiers = new ArrayList<>();
        for (TypeModifierContext modifier : contexts) {
            int position = position(modifier);
            if (modifier.signedNumber() != null) {
                modifiers.add(new IntegerLiteral(modifier.getText(), position));
            } else if (modifier.signedDecimal() != null) {
                modifiers.add(new DecimalLiteral(modifier.getText(), position));
            } else if (modifier.string() != null) {
                modifiers.add(new StringLiteral(string(modifier.string()), position));
            } else {
                modifiers.add(new ColumnReference(QualifiedName.of(name(modifier.identifier())), position));
            }
        }
        return modifiers;
    }

    @Override
    public Object visitIntType(IntTypeContext context) {
        return TypeNames.system("int4", position(context));
    }

    @Override
    public Object visitSmallintType(SmallintTypeContext context) {
        return TypeNames.system("int2", position(context));
    }

    @Override
    public Object visitBigintType(BigintTypeContext context) {
        return TypeNames.system("int8", position(context));
    }

    @Override
    public Object visitRealType(RealTypeContext context) {
        return TypeNames.system("float4", position(context));
    }

    @Override
    public Object visitFloatType(FloatTypeContext context) {
        if (context.INTEGER_VALUE() == null) {
            return TypeNames.system("float8", position(context));
        }
        int precision = integer(context.INTEGER_VALUE());
        if (precision < 1) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "precision for type float must be at least 1 bit").withPosition(position(context));
        }
        if (precision > 53) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "precision for type float must be less than 54 bits").withPosition(position(context));
        }
        return TypeNames.system(precision <= 24 ? "float4" : "float8", position(context));
    }

    @Override
    public Object visitDoublePrecisionType(DoublePrecisionTypeContext context) {
        return TypeNames.system("float8", position(context));
    }

    @Override
    public Object visitNumericType(NumericTypeContext context) {
        return TypeNames.system("numeric", typeModifiers(context.typeModifier()), position(context));
    }

    @Override
    public Object visitBooleanType(BooleanTypeContext context) {
        return TypeNames.system("bool", position(context));
    }

    @Override
    public Object visitCharacterType(CharacterTypeContext context) {
        if (context.VARYING() != null) {
            return TypeNames.system("varchar", context.INTEGER_VALUE(), position(context));
        }
        if (context.INTEGER_VALUE() == null) {
            return TypeNames.system("bpchar", List.of(new IntegerLiteral("1", position(context))), position(context));
        }
        return TypeNames.system("bpchar", context.INTEGER_VALUE(), position(context));
    }

    @Override
    public Object visitVarcharType(VarcharTypeContext context) {
        return TypeNames.system("varchar", context.INTEGER_VALUE(), position(context));
    }

    @Override
    public Object visitBitType(BitTypeContext context) {
        if (context.VARYING() != null) {
            return TypeNames.system("varbit", context.INTEGER_VALUE(), position(context));
        }
        if (context.INTEGER_VALUE() == null) {
            return TypeNames.system("bit", List.of(new IntegerLiteral("1", position(context))), position(context));
        }
        return TypeNames.system("bit", context.INTEGER_VALUE(), position(context));
    }

    @Override
    public Object visitTimestampType(TimestampTypeContext context) {
        boolean zoned = context.WITH() != null;
        return TypeNames.system(zoned ? "timestamptz" : "timestamp", context.INTEGER_VALUE(), position(context));
    }

    @Override
    public Object visitTimeType(TimeTypeContext context) {
        boolean zoned = context.WITH() != null;
        return TypeNames.system(zoned ? "timetz" : "time", context.INTEGER_VALUE(), position(context));
    }

    @Override
    public Object visitIntervalType(IntervalTypeContext context) {
        return TypeNames.interval(context.intervalFields(), null, position(context));
    }

    @Override
    public Object visitIntervalPrecisionType(IntervalPrecisionTypeContext context) {
        return TypeNames.interval(null, context.INTEGER_VALUE(), position(context));
    }
}
