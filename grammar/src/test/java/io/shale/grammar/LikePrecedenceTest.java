package io.shale.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.Like;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LIKE, ILIKE and SIMILAR TO bind tighter than AND and OR, as in PostgreSQL. */
@Timeout(10)
class LikePrecedenceTest {
    private final SqlParser parser = new SqlParser();

    @Test
    void likeBindsTighterThanAnd() {
        Expression e = parser.parseExpression("email LIKE '%@x' AND tags IS NOT NULL");
        assertThat(e).isNotInstanceOf(Like.class);
        assertThat(SqlFormatter.format(e)).startsWith("((email LIKE '%@x')");
    }

    @Test
    void patternKeepsArithmeticAndEscape() {
        Expression e = parser.parseExpression("a NOT ILIKE b || 'x' ESCAPE '!' OR c SIMILAR TO 'y' AND d");
        assertThat(e).isNotInstanceOf(Like.class);
        assertThat(SqlFormatter.format(parser.parseExpression("a LIKE b || 'x' ESCAPE '!'")))
                .contains("ESCAPE '!'");
    }
}
