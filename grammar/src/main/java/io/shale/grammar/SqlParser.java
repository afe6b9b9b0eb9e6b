package io.shale.grammar;

import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.TypeName;
import io.shale.grammar.internal.ShaleLexer;
import io.shale.grammar.internal.ShaleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses SQL text of Shale's PostgreSQL dialect into AST nodes. Syntax errors are thrown as
 * {@link ShaleException} with SQLSTATE 42601, PostgreSQL's message and the 1-based character
 * position of the offending token. Stateless and safe to share between threads.
 */
public final class SqlParser {

    /** Parses a script of {@code ;}-separated statements; empty statements are skipped. */
    public List<Statement> parseStatements(String sql) {
        List<ParsedStatement> parsed = parseScript(sql);
        List<Statement> statements = new ArrayList<>(parsed.size());
        for (ParsedStatement statement : parsed) {
            statements.add(statement.statement());
        }
        return statements;
    }

    /** Parses a script and keeps, for each statement, its own source text and offset. */
    public List<ParsedStatement> parseScript(String sql) {
        CodePointCharStream input = CharStreams.fromString(sql);
        ShaleParser.ScriptContext script = parse(input, ShaleParser::script);
        AstBuilder builder = new AstBuilder();
        List<ParsedStatement> result = new ArrayList<>();
        for (ShaleParser.StatementContext statement : script.statement()) {
            int start = statement.getStart().getStartIndex();
            int stop = statement.getStop().getStopIndex();
            String text = input.getText(Interval.of(start, stop));
            result.add(new ParsedStatement((Statement) builder.visit(statement), text, start));
        }
        return List.copyOf(result);
    }

    /** Parses exactly one statement (surrounding semicolons are allowed). */
    public Statement parseStatement(String sql) {
        ShaleParser.SingleStatementContext context = parse(CharStreams.fromString(sql), ShaleParser::singleStatement);
        return (Statement) new AstBuilder().visit(context.statement());
    }

    /** Parses a value expression such as {@code a + 1}. */
    public Expression parseExpression(String sql) {
        ShaleParser.StandaloneExpressionContext context =
                parse(CharStreams.fromString(sql), ShaleParser::standaloneExpression);
        return (Expression) new AstBuilder().visit(context.expr());
    }

    /** Parses a type name such as {@code varchar(20)} or {@code int[]}. */
    public TypeName parseType(String sql) {
        ShaleParser.StandaloneTypeContext context = parse(CharStreams.fromString(sql), ShaleParser::standaloneType);
        return (TypeName) new AstBuilder().visit(context.typeName());
    }

    private static <T extends ParserRuleContext> T parse(CodePointCharStream input, Function<ShaleParser, T> rule) {
        ShaleLexer lexer = new ShaleLexer(input);
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrors.ThrowingListener());
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        ShaleParser parser = new ShaleParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(new SyntaxErrors.ThrowingListener());
            parser.setErrorHandler(new SyntaxErrors.NoRecoveryStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return rule.apply(parser);
        }
    }
}
