package io.shale.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.shale.grammar.ast.AstComparison;
import io.shale.grammar.ast.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement real clients send (clients.md, psql 15 -E, pgjdbc and SQLAlchemy as logged by
 * PostgreSQL 15) parses verbatim and survives a format/parse round trip.
 */
@Timeout(30)
class ClientCorpusTest {
    private static final List<String> FILES =
            List.of("clients.sql", "psql-describe.sql", "pgjdbc-metadata.sql", "sqlalchemy.sql");

    private final SqlParser parser = new SqlParser();

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> arguments = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = ClientCorpusTest.class.getResourceAsStream("/corpus/" + file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String[] statements = text.substring(text.indexOf('\n') + 1).split("\n---\n");
                for (int i = 0; i < statements.length; i++) {
                    arguments.add(Arguments.of(file + "#" + (i + 1), statements[i]));
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parsesAndRoundTrips(String name, String sql) {
        List<ParsedStatement> parsed = parser.parseScript(sql);
        assertThat(parsed).isNotEmpty();
        for (ParsedStatement statement : parsed) {
            assertThat(sql).contains(statement.text());
            String formatted = SqlFormatter.format(statement.statement());
            Statement reparsed = parser.parseStatement(formatted);
            assertThat(AstComparison.equalsIgnoringPositions(statement.statement(), reparsed))
                    .as("round trip of %s%nformatted: %s", name, formatted).isTrue();
        }
    }
}
