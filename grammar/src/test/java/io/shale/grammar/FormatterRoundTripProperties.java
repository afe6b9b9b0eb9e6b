package io.shale.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.shale.grammar.ast.*;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * parse(format(ast)) equals ast (positions aside) for generated expressions and queries; jqwik
 * prints the seed of every run, so a failure can be replayed.
 */
class FormatterRoundTripProperties {
    private static final List<String> IDENTIFIERS = List.of("a", "b_1", "name", "type", "value", "user", "select",
            "Mixed", "with space", "quo\"te", "time", "position", "order", "x$y", "é");
    private static final List<String> TYPES = List.of("int", "text", "varchar(10)", "numeric(10,2)", "int[]",
            "timestamp with time zone", "pg_catalog.regclass", "\"char\"", "interval day to second(3)", "bigint[3]",
            "date", "double precision", "interval", "bit varying(4)");
    private static final List<String> OPERATORS = List.of("+", "-", "*", "/", "%", "^", "=", "<>", "<", ">", "<=",
            ">=", "||", "~", "!~", "~*", "&", "|", "#", "<<", ">>", "->", "->>", "@>", "<@", "&&", "?", "#>>");

    private final SqlParser parser = new SqlParser();

    @Property(tries = 200)
    void expressionsRoundTrip(@ForAll("expressions") Expression expression) {
        String text = SqlFormatter.format(expression);
        Expression reparsed = parser.parseExpression(text);
        assertThat(AstComparison.equalsIgnoringPositions(expression, reparsed)).as(text).isTrue();
    }

    @Property(tries = 100)
    void queriesRoundTrip(@ForAll("queries") Query query) {
        String text = SqlFormatter.format(query);
        Statement reparsed = parser.parseStatement(text);
        assertThat(AstComparison.equalsIgnoringPositions(query, reparsed)).as(text).isTrue();
    }

    @Provide
    Arbitrary<Expression> expressions() {
        return expression(3);
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<SelectItem> item = Arbitraries.oneOf(
                Combinators.combine(expression(2), identifier().injectNull(0.5)).as(SingleColumn::new),
                qualifiedName(2).injectNull(0.5).map(name -> new AllColumns(name, 0)));
        Arbitrary<Relation> table = Combinators.combine(qualifiedName(2), Arbitraries.of(true, false),
                identifier().injectNull(0.5)).as((name, only, alias) -> {
                    Relation relation = new Table(name, only, 0);
                    return alias == null ? relation : new AliasedRelation(relation, alias, List.of());
                });
        Arbitrary<Relation> relation = Arbitraries.oneOf(table,
                Combinators.combine(table, table, expression(1)).as((l, r, on) ->
                        new Join(JoinType.LEFT, l, r, new JoinOn(on))),
                Combinators.combine(table, table).as((l, r) -> new Join(JoinType.CROSS, l, r, null)));
        Arbitrary<QuerySpecification> specification = Combinators.combine(
                Arbitraries.of(true, false), item.list().ofMinSize(1).ofMaxSize(3),
                relation.list().ofMaxSize(2), expression(2).injectNull(0.5),
                expression(1).list().ofMaxSize(2), expression(1).injectNull(0.7))
                .as((distinct, items, from, where, groupBy, having) ->
                        new QuerySpecification(distinct, List.of(), items, from, where, groupBy, having, List.of()));
        Arbitrary<SortItem> sortItem = Combinators.combine(expression(1), Arbitraries.of(SortOrder.class),
                Arbitraries.of(NullOrdering.class)).as(SortItem::new);
        return Combinators.combine(specification, sortItem.list().ofMaxSize(2),
                Arbitraries.integers().between(0, 100).injectNull(0.5))
                .as((body, orderBy, limit) -> new Query(null, body, orderBy,
                        limit == null ? null : new IntegerLiteral(Integer.toString(limit), 0), null, List.of()));
    }

    private Arbitrary<String> identifier() {
        return Arbitraries.of(IDENTIFIERS);
    }

    private Arbitrary<QualifiedName> qualifiedName(int maxParts) {
        return identifier().list().ofMinSize(1).ofMaxSize(maxParts).map(QualifiedName::new);
    }

    private Arbitrary<TypeName> type() {
        return Arbitraries.of(TYPES).map(parser::parseType);
    }

    private Arbitrary<Expression> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-1000, 100000).map(i -> new IntegerLiteral(Integer.toString(i), 0)),
                Arbitraries.of("1.5", "0.25", "1e10", "-2.5", ".5", "3.").map(t -> new DecimalLiteral(t, 0)),
                Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'é', '€').ofMaxLength(8)
                        .map(s -> new StringLiteral(s, 0)),
                Arbitraries.of(true, false).map(b -> new BooleanLiteral(b, 0)),
                Arbitraries.just(new NullLiteral(0)),
                Arbitraries.integers().between(1, 20).map(i -> new Parameter(i, 0)),
                qualifiedName(3).map(name -> new ColumnReference(name, 0)),
                Arbitraries.of(CurrentValueKind.class).map(kind -> new CurrentValue(kind, -1, 0)),
                Arbitraries.of("date", "interval", "varchar(3)", "interval hour to minute", "timestamp(2)")
                        .map(parser::parseType)
                        .map(type -> new TypedLiteral(type, "2020-01-01", 0)));
    }

    private Arbitrary<Expression> expression(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Expression> sub = Arbitraries.lazy(() -> expression(depth - 1));
        Arbitrary<OperatorName> operator = Arbitraries.oneOf(Arbitraries.of(OPERATORS).map(OperatorName::of),
                Arbitraries.of("~", "+", "=").map(symbol -> new OperatorName("pg_catalog", symbol)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf()),
                net.jqwik.api.Tuple.of(3, Combinators.combine(operator, sub, sub)
                        .as((op, l, r) -> new BinaryOperation(op, l, r, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of("~", "@", "|/", "+", "-"), sub)
                        .as((op, e) -> (Expression) new UnaryOperation(OperatorName.of(op), e, 0))
                        .filter(e -> !(((UnaryOperation) e).operand() instanceof IntegerLiteral
                                || ((UnaryOperation) e).operand() instanceof DecimalLiteral)
                                || !((UnaryOperation) e).operator().symbol().equals("-"))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of(LogicalOperator.class), sub, sub)
                        .as((op, l, r) -> new LogicalBinary(op, l, r, 0))),
                net.jqwik.api.Tuple.of(1, sub.map(e -> new Not(e, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, Arbitraries.of(true, false))
                        .as((e, negated) -> new IsNull(e, negated, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, Arbitraries.of(BooleanTestKind.class),
                        Arbitraries.of(true, false)).as((e, kind, negated) -> new IsBoolean(e, kind, negated, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub, Arbitraries.of(true, false))
                        .as((l, r, negated) -> new IsDistinctFrom(l, r, negated, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        sub, sub, sub).as((negated, symmetric, v, lo, hi) ->
                        new Between(negated, symmetric, v, lo, hi, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(LikeKind.class),
                        Arbitraries.of(true, false), sub, sub, sub.injectNull(0.6))
                        .as((kind, negated, v, p, e) -> new Like(kind, negated, v, p, e, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(true, false)).as((v, list, negated) -> new InList(v, list, negated, 0))
                        .filter(in -> !(in.list().size() == 1 && in.list().getFirst() instanceof ScalarSubquery))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub.injectNull(0.5),
                        Combinators.combine(sub, sub).as(WhenClause::new).list().ofMinSize(1).ofMaxSize(2),
                        sub.injectNull(0.5)).as((operand, whens, otherwise) ->
                        new Case(operand, whens, otherwise, 0))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, type()).as((e, t) -> new Cast(e, t, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, Arbitraries.of(QualifiedName.of("C"),
                        QualifiedName.of("pg_catalog", "default"))).as((e, c) -> new Collate(e, c, 0))),
                net.jqwik.api.Tuple.of(2, functionCall(sub)),
                net.jqwik.api.Tuple.of(1, sub.list().ofMinSize(1).ofMaxSize(3).map(list -> new Coalesce(list, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> new NullIf(a, b, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(true, false),
                        sub.list().ofMinSize(1).ofMaxSize(3)).as((g, list) -> new GreatestLeast(g, list, 0))),
                net.jqwik.api.Tuple.of(1, sub.list().ofMaxSize(3).map(list -> new ArrayConstructor(list, 0))),
                net.jqwik.api.Tuple.of(1, sub.list().ofMaxSize(3).map(list -> new RowConstructor(list, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as((b, i) -> new Subscript(b, i, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub.injectNull(0.3), sub.injectNull(0.3))
                        .as((b, l, u) -> new Slice(b, l, u, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, identifier())
                        .as((b, f) -> new FieldReference(b, f, 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(OperatorName.of("="),
                        OperatorName.of("<>"), OperatorName.of("~")), Arbitraries.of(Quantifier.class), sub, sub)
                        .as((op, q, l, a) -> new QuantifiedArray(op, q, l, a, 0))
                        .filter(e -> !(((QuantifiedArray) e).array() instanceof ScalarSubquery))),
                net.jqwik.api.Tuple.of(1, sub.map(e -> new ScalarSubquery(simpleQuery(e), 0))),
                net.jqwik.api.Tuple.of(1, sub.map(e -> new Exists(simpleQuery(e), 0))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub, Arbitraries.of(true, false))
                        .as((v, e, negated) -> new InSubquery(v, simpleQuery(e), negated, 0))));
    }

    private static Query simpleQuery(Expression item) {
        return new Query(null, new QuerySpecification(false, List.of(), List.of(new SingleColumn(item, null)),
                List.of(new Table(QualifiedName.of("t"), false, 0)), null, List.of(), null, List.of()),
                List.of(), null, null, List.of());
    }

    private Arbitrary<Expression> functionCall(Arbitrary<Expression> sub) {
        Arbitrary<QualifiedName> name = Arbitraries.of(QualifiedName.of("f"), QualifiedName.of("lower"),
                QualifiedName.of("pg_catalog", "g"), QualifiedName.of("Select"), QualifiedName.of("s", "position"));
        Arbitrary<SortItem> sortItem = Combinators.combine(sub, Arbitraries.of(SortOrder.class),
                Arbitraries.of(NullOrdering.class)).as(SortItem::new);
        Arbitrary<WindowSpecification> window = Combinators.combine(sub.list().ofMaxSize(2),
                sortItem.list().ofMaxSize(2)).as((partition, order) ->
                new WindowSpecification(null, partition, order, null));
        return Combinators.combine(name, sub.list().ofMaxSize(3), Arbitraries.of(true, false),
                sortItem.list().ofMaxSize(1), sub.injectNull(0.7), window.injectNull(0.7))
                .as((n, args, distinct, orderBy, filter, over) -> new FunctionCall(n, args,
                        distinct && !args.isEmpty(), false, false, args.isEmpty() ? List.of() : orderBy, false,
                        filter, over, 0));
    }
}
