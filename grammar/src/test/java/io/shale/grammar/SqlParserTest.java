package io.shale.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.*;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parser behaviour per construct: names, literals, precedence, desugaring, statements and scripts. */
@Timeout(30)
class SqlParserTest {
    private final SqlParser parser = new SqlParser();

    private Expression expression(String sql) {
        return parser.parseExpression(sql);
    }

    private String formatted(String sql) {
        return SqlFormatter.format(parser.parseExpression(sql));
    }

    private QuerySpecification select(String sql) {
        Query query = (Query) parser.parseStatement(sql);
        return (QuerySpecification) query.body();
    }

    static Stream<String> constructs() throws IOException {
        try (InputStream in = SqlParserTest.class.getResourceAsStream("/corpus/constructs.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.substring(text.indexOf('\n') + 1).split("\n---\n"));
        }
    }

    @ParameterizedTest
    @MethodSource("constructs")
    void everyConstructParsesAndRoundTrips(String script) {
        for (ParsedStatement statement : parser.parseScript(script)) {
            String text = SqlFormatter.format(statement.statement());
            assertThat(AstComparison.equalsIgnoringPositions(statement.statement(), parser.parseStatement(text)))
                    .as(text).isTrue();
        }
    }

    @Test
    void identifiersFoldUnquotedAndKeepQuoted() {
        assertThat(expression("Foo.BAR")).isEqualTo(new ColumnReference(QualifiedName.of("foo", "bar"), 1));
        assertThat(expression("\"Foo\".\"a\"\"b\"")).isEqualTo(
                new ColumnReference(QualifiedName.of("Foo", "a\"b"), 1));
        assertThat(expression("U&\"d\\0061t\\+000061\"")).isEqualTo(
                new ColumnReference(QualifiedName.of("data"), 1));
    }

    @Test
    void longIdentifiersAreTruncatedTo63Bytes() {
        String name = "a".repeat(70);
        assertThat(expression(name)).isEqualTo(new ColumnReference(QualifiedName.of("a".repeat(63)), 1));
        assertThat(expression("\"" + "é".repeat(40) + "\"")).isEqualTo(
                new ColumnReference(QualifiedName.of("é".repeat(31)), 1));
    }

    @Test
    void nonReservedKeywordsAreColumnNames() {
        QuerySpecification select = select(
                "select name, type, key, value, data, text, date, time, timestamp, action, comment, position from t");
        assertThat(select.selectItems()).hasSize(12);
        assertThat(select.selectItems().get(11))
                .isEqualTo(new SingleColumn(new ColumnReference(QualifiedName.of("position"), 84), null));
        assertThat(parser.parseStatement("CREATE SCHEMA userservice")).isEqualTo(
                new CreateSchema("userservice", false, null, List.of()));
    }

    @Test
    void literalsKeepTheirKind() {
        assertThat(expression("42")).isEqualTo(new IntegerLiteral("42", 1));
        assertThat(expression("-42")).isEqualTo(new IntegerLiteral("-42", 1));
        assertThat(expression("1.50")).isEqualTo(new DecimalLiteral("1.50", 1));
        assertThat(expression("1e10")).isEqualTo(new DecimalLiteral("1e10", 1));
        assertThat(expression(".5")).isEqualTo(new DecimalLiteral(".5", 1));
        assertThat(expression("'it''s'")).isEqualTo(new StringLiteral("it's", 1));
        assertThat(expression("E'a\\nb\\\\\\x41\\101\\u00e9'")).isEqualTo(new StringLiteral("a\nb\\AAé", 1));
        assertThat(expression("$$a'b$$")).isEqualTo(new StringLiteral("a'b", 1));
        assertThat(expression("$fn$ $$ $fn$")).isEqualTo(new StringLiteral(" $$ ", 1));
        assertThat(expression("true")).isEqualTo(new BooleanLiteral(true, 1));
        assertThat(expression("NULL")).isEqualTo(new NullLiteral(1));
        assertThat(expression("$3")).isEqualTo(new Parameter(3, 1));
        assertThat(expression("B'101'")).isEqualTo(new BitStringLiteral("b101", 1));
        assertThat(expression("date '2020-01-01'")).isEqualTo(new TypedLiteral(
                new TypeName(QualifiedName.of("date"), List.of(), List.of(), null, 1), "2020-01-01", 1));
        assertThat(expression("interval '1' day")).isEqualTo(new TypedLiteral(
                new TypeName(QualifiedName.of("pg_catalog", "interval"), List.of(), List.of(), "day", 1), "1", 1));
    }

    @Test
    void positionsAreOneBasedCharacterOffsets() {
        BinaryOperation operation = (BinaryOperation) expression("ab + f(x)");
        assertThat(operation.position()).isEqualTo(4);
        assertThat(operation.left().position()).isEqualTo(1);
        assertThat(operation.right().position()).isEqualTo(6);
        assertThat(((FunctionCall) operation.right()).arguments().getFirst().position()).isEqualTo(8);
    }

    @Test
    void operatorPrecedenceFollowsPostgres() {
        assertThat(formatted("a = b IS NULL")).isEqualTo("((a = b) IS NULL)");
        assertThat(formatted("NOT a = b AND c")).isEqualTo("((NOT (a = b)) AND c)");
        assertThat(formatted("a + b * c ^ d")).isEqualTo("(a + (b * (c ^ d)))");
        assertThat(formatted("a || b = c")).isEqualTo("((a || b) = c)");
        assertThat(formatted("a LIKE b = c")).isEqualTo("((a LIKE b) = c)");
        assertThat(formatted("a = b LIKE c")).isEqualTo("(a = (b LIKE c))");
        assertThat(formatted("- a::int")).isEqualTo("(- CAST(a AS pg_catalog.int4))");
        assertThat(formatted("x OR y AND z")).isEqualTo("(x OR (y AND z))");
        assertThat(formatted("2 ^ 3 ^ 4")).isEqualTo("((2 ^ 3) ^ 4)");
        assertThat(formatted("a between 1 and 2 and b")).isEqualTo("((a BETWEEN 1 AND 2) AND b)");
        assertThat(formatted("a + b ~ c")).isEqualTo("((a + b) ~ c)");
    }

    @Test
    void specialSyntaxIsDesugaredAsPostgresDoes() {
        assertThat(formatted("EXTRACT(year FROM d)")).isEqualTo("pg_catalog.extract('year', d)");
        assertThat(formatted("substring(s from 2 for 3)")).isEqualTo("pg_catalog.substring(s, 2, 3)");
        assertThat(formatted("substring(s for 3)")).isEqualTo("pg_catalog.substring(s, 1, 3)");
        assertThat(formatted("position('a' in s)")).isEqualTo("pg_catalog.position(s, 'a')");
        assertThat(formatted("trim(leading 'x' from s)")).isEqualTo("pg_catalog.ltrim(s, 'x')");
        assertThat(formatted("d at time zone 'UTC'")).isEqualTo("pg_catalog.timezone('UTC', d)");
        assertThat(formatted("a NOT LIKE ANY (b)")).isEqualTo("(a !~~ ANY (b))");
        assertThat(expression("coalesce(a, 1)")).isInstanceOf(Coalesce.class);
        assertThat(expression("current_schema")).isEqualTo(new CurrentValue(CurrentValueKind.CURRENT_SCHEMA, -1, 1));
        assertThat(expression("current_schema()")).isInstanceOf(FunctionCall.class);
        assertThat(expression("CURRENT_TIMESTAMP(3)")).isEqualTo(
                new CurrentValue(CurrentValueKind.CURRENT_TIMESTAMP, 3, 1));
    }

    @Test
    void typeNamesAreNormalised() {
        assertThat(SqlFormatter.format(parser.parseType("character varying(20)"))).isEqualTo("pg_catalog.varchar(20)");
        assertThat(SqlFormatter.format(parser.parseType("double precision"))).isEqualTo("pg_catalog.float8");
        assertThat(SqlFormatter.format(parser.parseType("timestamp(3) with time zone"))).isEqualTo(
                "pg_catalog.timestamptz(3)");
        assertThat(SqlFormatter.format(parser.parseType("char"))).isEqualTo("pg_catalog.bpchar(1)");
        assertThat(SqlFormatter.format(parser.parseType("integer[3]"))).isEqualTo("pg_catalog.int4[3]");
        assertThat(SqlFormatter.format(parser.parseType("int ARRAY"))).isEqualTo("pg_catalog.int4[]");
        assertThat(SqlFormatter.format(parser.parseType("\"char\""))).isEqualTo("\"char\"");
        assertThat(SqlFormatter.format(parser.parseType("float(24)"))).isEqualTo("pg_catalog.float4");
        assertThat(SqlFormatter.format(parser.parseType("interval day to second(3)")))
                .isEqualTo("INTERVAL DAY TO SECOND(3)");
        assertThat(SqlFormatter.format(parser.parseType("pg_catalog.int4"))).isEqualTo("pg_catalog.int4");
    }

    @Test
    void selectListAndFrom() {
        QuerySpecification select = select("SELECT *, t.*, a AS x, b y FROM s.t AS t(a, b) JOIN u USING (a)");
        assertThat(select.selectItems()).containsExactly(
                new AllColumns(null, 8),
                new AllColumns(QualifiedName.of("t"), 11),
                new SingleColumn(new ColumnReference(QualifiedName.of("a"), 16), "x"),
                new SingleColumn(new ColumnReference(QualifiedName.of("b"), 24), "y"));
        Join join = (Join) select.from().getFirst();
        assertThat(join.type()).isEqualTo(JoinType.INNER);
        assertThat(join.criteria()).isEqualTo(new JoinUsing(List.of("a")));
        assertThat(join.left()).isEqualTo(new AliasedRelation(new Table(QualifiedName.of("s", "t"), false, 33), "t",
                List.of("a", "b")));
    }

    @Test
    void setOperationsBindLikePostgres() {
        Query query = (Query) parser.parseStatement("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 ORDER BY 1 LIMIT 5");
        SetOperation union = (SetOperation) query.body();
        assertThat(union.operator()).isEqualTo(SetOperator.UNION);
        assertThat(((SetOperation) union.right()).operator()).isEqualTo(SetOperator.INTERSECT);
        assertThat(query.orderBy()).hasSize(1);
        assertThat(query.limit()).isEqualTo(new IntegerLiteral("5", 61));
    }

    @Test
    void fetchFirstBecomesLimit() {
        Query query = (Query) parser.parseStatement("SELECT 1 FROM t OFFSET 2 ROWS FETCH FIRST ROW ONLY");
        assertThat(AstComparison.equalsIgnoringPositions(query.limit(), new IntegerLiteral("1", 0))).isTrue();
        assertThat(AstComparison.equalsIgnoringPositions(query.offset(), new IntegerLiteral("2", 0))).isTrue();
    }

    @Test
    void scriptsKeepEachStatementText() {
        List<ParsedStatement> statements = parser.parseScript(";; BEGIN; SELECT 1 ;\n;INSERT INTO t VALUES (1);");
        assertThat(statements).extracting(ParsedStatement::text)
                .containsExactly("BEGIN", "SELECT 1", "INSERT INTO t VALUES (1)");
        assertThat(statements).extracting(ParsedStatement::offset).containsExactly(3, 10, 22);
        assertThat(parser.parseStatements("  ;  ")).isEmpty();
        assertThat(parser.parseStatements("")).isEmpty();
    }

    @Test
    void parseStatementRejectsTwoStatements() {
        assertThatThrownBy(() -> parser.parseStatement("SELECT 1; SELECT 2"))
                .isInstanceOf(ShaleException.class).hasMessage("syntax error at or near \"SELECT\"");
    }

    @Test
    void utilityStatementsAreNormalised() {
        assertThat(parser.parseStatement("SHOW TRANSACTION ISOLATION LEVEL"))
                .isEqualTo(new ShowVariable("transaction_isolation"));
        assertThat(parser.parseStatement("SET TIME ZONE 'UTC'"))
                .isEqualTo(new SetVariable("timezone", List.of("UTC"), false));
        assertThat(parser.parseStatement("SET LOCAL search_path TO public, \"$user\""))
                .isEqualTo(new SetVariable("search_path", List.of("public", "$user"), true));
        assertThat(parser.parseStatement("SET x = DEFAULT")).isEqualTo(new SetVariable("x", List.of(), false));
        assertThat(parser.parseStatement("FETCH LAST FROM c"))
                .isEqualTo(new Fetch(FetchDirection.ABSOLUTE, -1, "c", false));
        assertThat(parser.parseStatement("FETCH FORWARD ALL c"))
                .isEqualTo(new Fetch(FetchDirection.FORWARD, Long.MAX_VALUE, "c", false));
        assertThat(parser.parseStatement("END")).isEqualTo(new Commit(false));
        assertThat(parser.parseStatement("BEGIN ISOLATION LEVEL SERIALIZABLE")).isEqualTo(
                new StartTransaction(List.of(new IsolationLevelMode(IsolationLevel.SERIALIZABLE))));
        assertThat(parser.parseStatement("copy pgbench_accounts from stdin with (freeze on)")).isEqualTo(
                new Copy(QualifiedName.of("pgbench_accounts"), List.of(), null, true, null, false,
                        List.of(new CopyOption("freeze", "on", List.of(), false)), null));
        assertThat(parser.parseStatement("EXPLAIN ANALYZE SELECT 1")).isInstanceOfSatisfying(Explain.class,
                explain -> assertThat(explain.options()).containsExactly(new Property("analyze", null)));
    }

    @Test
    void ddlStatements() {
        CreateTable table = (CreateTable) parser.parseStatement(
                "create table t (id int generated always as identity primary key, v text not null default 'x')"
                        + " using columnar with (fillfactor=100)");
        assertThat(table.accessMethod()).isEqualTo("columnar");
        assertThat(table.options()).containsExactly(new Property("fillfactor", "100"));
        ColumnDefinition id = (ColumnDefinition) table.elements().getFirst();
        assertThat(id.constraints()).containsExactly(new IdentityConstraint(null, true, List.of()),
                new PrimaryKeyConstraint(null, List.of(), List.of()));
        AlterTable alter = (AlterTable) parser.parseStatement(
                "alter table pgbench_tellers add constraint fk foreign key (bid) references pgbench_branches");
        assertThat(alter.actions()).containsExactly(new AddConstraint(new ForeignKeyConstraint("fk", List.of("bid"),
                QualifiedName.of("pgbench_branches"), List.of(), ForeignKeyMatch.SIMPLE, ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION, false, false), false));
    }

    @Test
    void unsupportedClausesAreRefusedNotDropped() {
        assertThatThrownBy(() -> parser.parseStatement("CREATE TEMP TABLE t (a int) ON COMMIT DROP"))
                .isInstanceOf(ShaleException.class).hasMessage("ON COMMIT DROP is not supported");
        assertThatThrownBy(() -> parser.parseStatement("INSERT INTO t OVERRIDING SYSTEM VALUE VALUES (1)"))
                .isInstanceOf(ShaleException.class).hasMessage("INSERT ... OVERRIDING SYSTEM VALUE is not supported");
    }

    @Test
    void adjacentStringsOnSeparateLinesAreConcatenated() {
        assertThat(expression("'a'\n  'b'")).isEqualTo(new StringLiteral("ab", 1));
        assertThatThrownBy(() -> parser.parseExpression("'a' 'b'"))
                .isInstanceOf(ShaleException.class).hasMessage("syntax error at or near \"'b'\"");
    }

    @Test
    void roleOptionsAreValidated() {
        assertThatThrownBy(() -> parser.parseStatement("CREATE ROLE r WITH FLY"))
                .isInstanceOf(ShaleException.class).hasMessage("unrecognized role option \"fly\"");
    }
}
