package io.shale.grammar;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.grammar.internal.ShaleLexer;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR syntax errors into PostgreSQL's "syntax error at or near" errors, without any recovery. */
final class SyntaxErrors {
    private SyntaxErrors() {
    }

    /** An error strategy that stops at the first error and never invents or deletes tokens. */
    static final class NoRecoveryStrategy extends DefaultErrorStrategy {
        @Override
        public void recover(Parser recognizer, RecognitionException e) {
            throw new IllegalStateException("syntax error was not reported", e);
        }

        @Override
        public Token recoverInline(Parser recognizer) {
            InputMismatchException e = new InputMismatchException(recognizer);
            reportError(recognizer, e);
            throw new IllegalStateException("syntax error was not reported", e);
        }

        @Override
        public void sync(Parser recognizer) {
            // No resynchronisation: the first error ends the parse.
        }
    }

    /** A listener that throws the PostgreSQL-style error for the offending token. */
    static final class ThrowingListener extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String message, RecognitionException e) {
            Token token = offendingSymbol instanceof Token symbol ? symbol : null;
            if (e instanceof NoViableAltException noViable && noViable.getOffendingToken() != null) {
                token = noViable.getOffendingToken();
            }
            throw error(token);
        }
    }

    static ShaleException error(Token token) {
        if (token == null) {
            return new ShaleException(ErrorCode.SYNTAX_ERROR, "syntax error");
        }
        int position = token.getStartIndex() + 1;
        if (token.getType() == Token.EOF) {
            return new ShaleException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input").withPosition(position);
        }
        String text = token.getText();
        String message = switch (token.getType()) {
            case ShaleLexer.UNTERMINATED_STRING -> "unterminated quoted string at or near \"" + text + "\"";
            case ShaleLexer.UNTERMINATED_QUOTED_IDENTIFIER ->
                    "unterminated quoted identifier at or near \"" + text + "\"";
            case ShaleLexer.UNTERMINATED_BLOCK_COMMENT -> "unterminated /* comment at or near \"" + text + "\"";
            case ShaleLexer.UNTERMINATED_DOLLAR_STRING ->
                    "unterminated dollar-quoted string at or near \"" + text + "\"";
            default -> "syntax error at or near \"" + text + "\"";
        };
        return new ShaleException(ErrorCode.SYNTAX_ERROR, message).withPosition(position);
    }
}
