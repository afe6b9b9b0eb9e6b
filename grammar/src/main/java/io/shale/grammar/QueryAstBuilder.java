package io.shale.grammar;

import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.*;
import io.shale.grammar.internal.ShaleParser.*;
import java.util.ArrayList;
import java.util.List;

/** Builds queries, FROM items and the data-modifying statements INSERT, UPDATE and DELETE. */
abstract class QueryAstBuilder extends FunctionAstBuilder {

    // ------------------------------------------------------------ queries

    @Override
    public Object visitSelectStatement(SelectStatementContext context) {
        return visit(context.query());
    }

    @Override
    public Object visitInsert(InsertContext context) {
        return visit(context.insertStatement());
    }

    @Override
    public Object visitUpdate(UpdateContext context) {
        return visit(context.updateStatement());
    }

    @Override
    public Object visitDelete(DeleteContext context) {
        return visit(context.deleteStatement());
    }

    @Override
    public Object visitQuery(QueryContext context) {
        With with = context.with() == null ? null : (With) visit(context.with());
        return buildQuery(with, context.queryNoWith());
    }

    private Query buildQuery(With with, QueryNoWithContext context) {
        QueryBody body = (QueryBody) visit(context.queryTerm());
        List<SortItem> orderBy = sortItems(context.orderBy());
        Expression limit = null;
        Expression offset = null;
        LimitClauseContext limitClause = context.limitClause();
        if (limitClause != null) {
            Expression[] limitOffset = limitOffset(limitClause);
            limit = limitOffset[0];
            offset = limitOffset[1];
        }
        List<LockingClause> locking = visitAll(context.lockingClause(), LockingClause.class);
        if (body instanceof Query inner && mergeable(inner, with, orderBy, limit, offset, locking)) {
            return new Query(with != null ? with : inner.with(), inner.body(),
                    orderBy.isEmpty() ? inner.orderBy() : orderBy,
                    limit != null ? limit : inner.limit(), offset != null ? offset : inner.offset(),
                    locking.isEmpty() ? inner.locking() : locking);
        }
        return new Query(with, body, orderBy, limit, offset, locking);
    }

    private static boolean mergeable(Query inner, With with, List<SortItem> orderBy, Expression limit,
                                     Expression offset, List<LockingClause> locking) {
        return !(with != null && inner.with() != null)
                && !(!orderBy.isEmpty() && !inner.orderBy().isEmpty())
                && !(limit != null && inner.limit() != null)
                && !(offset != null && inner.offset() != null)
                && !(!locking.isEmpty() && !inner.locking().isEmpty());
    }

    private Expression[] limitOffset(LimitClauseContext context) {
        return switch (context) {
            case LimitFirstContext first -> new Expression[] {
                    limitValue(first.limitValue()), offsetValue(first.offsetValue())};
            case OffsetFirstContext first -> new Expression[] {
                    first.limitValue() != null ? limitValue(first.limitValue()) : fetchCount(first.fetchFirst()),
                    offsetValue(first.offsetValue())};
            case FetchFirstClauseContext first -> new Expression[] {
                    fetchCount(first.fetchFirst()), offsetValue(first.offsetValue())};
            default -> throw new IllegalStateException("unknown limit clause " + context.getText());
        };
    }

    private Expression limitValue(LimitValueContext context) {
        return context.ALL() != null ? null : expression(context.expr());
    }

    private Expression offsetValue(OffsetValueContext context) {
        return context == null ? null : expression(context.expr());
    }

    private Expression fetchCount(FetchFirstContext context) {
        if (context == null) {
            return null;
        }
        FetchCountContext count = context.fetchCount();
        if (count == null) {
            return new IntegerLiteral("1", position(context));
        }
        if (count.primaryExpr() != null) {
            return expression(count.primaryExpr());
        }
        String text = count.getText();
        boolean integral = count.number().INTEGER_VALUE() != null;
        String literal = text.startsWith("+") ? text.substring(1) : text;
        return integral ? new IntegerLiteral(literal, position(count)) : new DecimalLiteral(literal, position(count));
    }

    @Override
    public Object visitLockingClause(LockingClauseContext context) {
        LockStrengthContext strength = context.lockStrength();
        LockStrength lockStrength = strength.NO() != null ? LockStrength.NO_KEY_UPDATE
                : strength.KEY() != null ? LockStrength.KEY_SHARE
                : strength.SHARE() != null ? LockStrength.SHARE : LockStrength.UPDATE;
        LockWaitPolicy policy = context.NOWAIT() != null ? LockWaitPolicy.NOWAIT
                : context.SKIP_() != null ? LockWaitPolicy.SKIP_LOCKED : LockWaitPolicy.WAIT;
        return new LockingClause(lockStrength, qualifiedNames(context.qualifiedName()), policy);
    }

    @Override
    public Object visitWith(WithContext context) {
        return new With(context.RECURSIVE() != null,
                visitAll(context.commonTableExpression(), CommonTableExpression.class));
    }

    @Override
    public Object visitCommonTableExpression(CommonTableExpressionContext context) {
        CteMaterialization materialization = context.MATERIALIZED() == null ? CteMaterialization.DEFAULT
                : context.NOT() != null ? CteMaterialization.NOT_MATERIALIZED : CteMaterialization.MATERIALIZED;
        return new CommonTableExpression(name(context.identifier()), names(context.identifierList()), materialization,
                (PreparableStatement) visit(context.preparableStatement()));
    }

    @Override
    public Object visitQueryTermDefault(QueryTermDefaultContext context) {
        return visit(context.queryPrimary());
    }

    @Override
    public Object visitSetOperation(SetOperationContext context) {
        SetOperator operator = switch (StringLiterals.foldCase(context.operator.getText())) {
            case "union" -> SetOperator.UNION;
            case "intersect" -> SetOperator.INTERSECT;
            default -> SetOperator.EXCEPT;
        };
        boolean all = context.setQuantifier() != null && context.setQuantifier().ALL() != null;
        return new SetOperation(operator, all, (QueryBody) visit(context.left), (QueryBody) visit(context.right));
    }

    @Override
    public Object visitQueryPrimaryDefault(QueryPrimaryDefaultContext context) {
        return visit(context.querySpecification());
    }

    @Override
    public Object visitValues(ValuesContext context) {
        return visit(context.valuesList());
    }

    @Override
    public Object visitValuesList(ValuesListContext context) {
        List<List<Expression>> rows = new ArrayList<>();
        for (ValuesRowContext row : context.valuesRow()) {
            rows.add(valuesItems(row.valuesItem()));
        }
        return new Values(rows);
    }

    List<Expression> valuesItems(List<ValuesItemContext> items) {
        List<Expression> values = new ArrayList<>(items.size());
        for (ValuesItemContext item : items) {
            values.add(valuesItem(item));
        }
        return values;
    }

    Expression valuesItem(ValuesItemContext item) {
        return item.DEFAULT() != null ? new DefaultValue(position(item)) : expression(item.expr());
    }

    @Override
    public Object visitTableQuery(TableQueryContext context) {
        Relation table = new Table(qualifiedName(context.qualifiedName()), context.ONLY() != null,
                position(context.qualifiedName()));
        return new QuerySpecification(false, List.of(), List.of(new AllColumns(null, position(context))),
                List.of(table), null, List.of(), null, List.of());
    }

    @Override
    public Object visitSubquery(SubqueryContext context) {
        Query query = (Query) visit(context.query());
        boolean plain = query.with() == null && query.orderBy().isEmpty() && query.limit() == null
                && query.offset() == null && query.locking().isEmpty();
        return plain ? query.body() : query;
    }

    @Override
    public Object visitQuerySpecification(QuerySpecificationContext context) {
        boolean distinct = context.distinct != null;
        List<Expression> distinctOn = List.of();
        List<ExprContext> expressionContexts = context.expr();
        if (context.ON() != null) {
            int count = expressionContexts.size() - (context.where != null ? 1 : 0) - (context.having != null ? 1 : 0);
            distinctOn = expressions(expressionContexts.subList(0, count));
        }
        List<SelectItem> items = visitAll(context.selectItem(), SelectItem.class);
        List<Relation> from = visitAll(context.fromItem(), Relation.class);
        List<Expression> groupBy = new ArrayList<>();
        for (GroupItemContext item : context.groupItem()) {
            if (item.expr() != null) {
                groupBy.add(expression(item.expr()));
            }
        }
        List<WindowDefinition> windows = new ArrayList<>();
        for (WindowDefinitionContext window : context.windowDefinition()) {
            windows.add(new WindowDefinition(name(window.identifier()),
                    (WindowSpecification) visit(window.windowSpecification())));
        }
        return new QuerySpecification(distinct, distinctOn, items, from, expression(context.where), groupBy,
                expression(context.having), windows);
    }

    @Override
    public Object visitSelectAll(SelectAllContext context) {
        return new AllColumns(null, position(context));
    }

    @Override
    public Object visitSelectSingle(SelectSingleContext context) {
        Expression expression = expression(context.expr());
        String alias = context.colLabel() != null ? name(context.colLabel())
                : context.bareColLabel() != null ? name(context.bareColLabel()) : null;
        if (alias == null && expression instanceof QualifiedStar star) {
            return new AllColumns(star.qualifier(), star.position());
        }
        return new SingleColumn(expression, alias);
    }

    List<SelectItem> returning(ReturningContext context) {
        return context == null ? List.of() : visitAll(context.selectItem(), SelectItem.class);
    }

    // ------------------------------------------------------------ FROM items

    @Override
    public Object visitRelationDefault(RelationDefaultContext context) {
        return visit(context.fromPrimary());
    }

    @Override
    public Object visitCrossJoin(CrossJoinContext context) {
        return new Join(JoinType.CROSS, (Relation) visit(context.left), (Relation) visit(context.right), null);
    }

    @Override
    public Object visitQualifiedJoin(QualifiedJoinContext context) {
        JoinCriteriaContext criteria = context.joinCriteria();
        JoinCriteria joinCriteria = criteria.ON() != null ? new JoinOn(expression(criteria.expr()))
                : new JoinUsing(names(criteria.identifierList()));
        return new Join(joinType(context.joinType()), (Relation) visit(context.left), (Relation) visit(context.right),
                joinCriteria);
    }

    @Override
    public Object visitNaturalJoin(NaturalJoinContext context) {
        return new Join(joinType(context.joinType()), (Relation) visit(context.left), (Relation) visit(context.right),
                new NaturalJoin());
    }

    private static JoinType joinType(JoinTypeContext context) {
        if (context.LEFT() != null) {
            return JoinType.LEFT;
        }
        if (context.RIGHT() != null) {
            return JoinType.RIGHT;
        }
        return context.FULL() != null ? JoinType.FULL : JoinType.INNER;
    }

    @Override
    public Object visitTableName(TableNameContext context) {
        Relation table = new Table(qualifiedName(context.qualifiedName()), context.ONLY() != null,
                position(context.qualifiedName()));
        return aliased(table, context.alias());
    }

    @Override
    public Object visitOnlyTableName(OnlyTableNameContext context) {
        Relation table = new Table(qualifiedName(context.qualifiedName()), true, position(context.qualifiedName()));
        return aliased(table, context.alias());
    }

    @Override
    public Object visitSubqueryRelation(SubqueryRelationContext context) {
        if (context.alias() == null) {
            boolean values = context.query().with() == null
                    && context.query().queryNoWith().queryTerm() instanceof QueryTermDefaultContext term
                    && term.queryPrimary() instanceof ValuesContext;
            throw new ShaleException(io.shale.common.error.ErrorCode.SYNTAX_ERROR,
                    (values ? "VALUES" : "subquery") + " in FROM must have an alias")
                    .withHint("For example, FROM (" + (values ? "VALUES ..." : "SELECT ...") + ") [AS] foo.")
                    .withPosition(position(context.LPAREN()));
        }
        return aliased(new SubqueryRelation((Query) visit(context.query()), context.LATERAL() != null),
                context.alias());
    }

    @Override
    public Object visitFunctionRelation(FunctionRelationContext context) {
        FunctionCall call = (FunctionCall) visit(context.functionCall());
        return aliased(new FunctionRelation(call, context.LATERAL() != null, context.ORDINALITY() != null),
                context.alias());
    }

    @Override
    public Object visitParenthesizedRelation(ParenthesizedRelationContext context) {
        return aliased((Relation) visit(context.fromItem()), context.alias());
    }

    private static Relation aliased(Relation relation, AliasContext alias) {
        if (alias == null) {
            return relation;
        }
        return new AliasedRelation(relation, name(alias.colId()), names(alias.identifierList()));
    }

    // ------------------------------------------------------------ INSERT, UPDATE, DELETE

    @Override
    public Object visitInsertStatement(InsertStatementContext context) {
        if (context.OVERRIDING() != null) {
            throw ShaleException.unsupported("INSERT ... OVERRIDING " + (context.SYSTEM() != null ? "SYSTEM" : "USER")
                    + " VALUE")
                    .withPosition(position(context.OVERRIDING()));
        }
        With with = context.with() == null ? null : (With) visit(context.with());
        Query source = context.query() == null ? null : (Query) visit(context.query());
        OnConflict onConflict = context.onConflict() == null ? null : (OnConflict) visit(context.onConflict());
        return new Insert(with, qualifiedName(context.qualifiedName()),
                context.colId() == null ? null : name(context.colId()), names(context.identifierList()), source,
                onConflict, returning(context.returning()), position(context.qualifiedName()));
    }

    @Override
    public Object visitOnConflictDoNothing(OnConflictDoNothingContext context) {
        return onConflict(context.conflictTarget(), false, List.of(), null);
    }

    @Override
    public Object visitOnConflictDoUpdate(OnConflictDoUpdateContext context) {
        return onConflict(context.conflictTarget(), true, visitAll(context.setClause(), SetClause.class),
                expression(context.expr()));
    }

    private OnConflict onConflict(ConflictTargetContext target, boolean doUpdate, List<SetClause> assignments,
                                  Expression updateWhere) {
        return switch (target) {
            case null -> new OnConflict(List.of(), null, null, doUpdate, assignments, updateWhere);
            case ConflictColumnsContext columns -> new OnConflict(
                    visitAll(columns.indexElement(), IndexElement.class), expression(columns.expr()), null, doUpdate,
                    assignments, updateWhere);
            case ConflictConstraintContext constraint -> new OnConflict(List.of(), null,
                    name(constraint.identifier()), doUpdate, assignments, updateWhere);
            default -> throw new IllegalStateException("unknown conflict target " + target.getText());
        };
    }

    @Override
    public Object visitSingleAssignment(SingleAssignmentContext context) {
        return new Assignment(name(context.identifier()), valuesItem(context.valuesItem()));
    }

    @Override
    public Object visitRowAssignment(RowAssignmentContext context) {
        return new MultiAssignment(names(context.identifierList()),
                new RowConstructor(valuesItems(context.valuesItem()), position(context.valuesItem(0))));
    }

    @Override
    public Object visitSubqueryAssignment(SubqueryAssignmentContext context) {
        return new MultiAssignment(names(context.identifierList()),
                new ScalarSubquery((Query) visit(context.query()), position(context.query())));
    }

    @Override
    public Object visitExpressionAssignment(ExpressionAssignmentContext context) {
        return new MultiAssignment(names(context.identifierList()), expression(context.expr()));
    }

    @Override
    public Object visitUpdateStatement(UpdateStatementContext context) {
        With with = context.with() == null ? null : (With) visit(context.with());
        return new Update(with, qualifiedName(context.qualifiedName()), context.ONLY() != null,
                context.colId() == null ? null : name(context.colId()),
                visitAll(context.setClause(), SetClause.class), visitAll(context.fromItem(), Relation.class),
                expression(context.expr()), returning(context.returning()), position(context.qualifiedName()));
    }

    @Override
    public Object visitDeleteStatement(DeleteStatementContext context) {
        With with = context.with() == null ? null : (With) visit(context.with());
        return new Delete(with, qualifiedName(context.qualifiedName()), context.ONLY() != null,
                context.colId() == null ? null : name(context.colId()), visitAll(context.fromItem(), Relation.class),
                expression(context.expr()), returning(context.returning()), position(context.qualifiedName()));
    }

    @Override
    public Object visitIndexElement(IndexElementContext context) {
        String column = context.colId() != null ? name(context.colId()) : null;
        Expression expression = context.functionCall() != null ? expression(context.functionCall())
                : context.expr() != null ? expression(context.expr()) : null;
        QualifiedName collation = context.COLLATE() != null ? qualifiedName(context.qualifiedName(0)) : null;
        int opclassIndex = context.COLLATE() != null ? 1 : 0;
        QualifiedName operatorClass = context.qualifiedName().size() > opclassIndex
                ? qualifiedName(context.qualifiedName(opclassIndex)) : null;
        SortOrder order = context.DESC() != null ? SortOrder.DESC : SortOrder.ASC;
        NullOrdering nulls = context.FIRST() != null ? NullOrdering.FIRST
                : context.LAST() != null ? NullOrdering.LAST : NullOrdering.DEFAULT;
        return new IndexElement(column, expression, collation, operatorClass, order, nulls);
    }
}
