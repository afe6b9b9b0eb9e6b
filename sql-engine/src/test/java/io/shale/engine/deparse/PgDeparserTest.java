package io.shale.engine.deparse;

import io.shale.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deparser follows PostgreSQL 15's printing rules (labels, implicit casts, parentheses).
 * Without a table, column types are unknown, so these cases use literals and explicit casts.
 */
@Timeout(10)
class PgDeparserTest {
    private final PgDeparser deparser = new PgDeparser(Catalog::bootstrap);

    @Test
    void literalsAndCastsKeepTheirLabels() {
        assertThat(deparser.deparse("nextval('s'::regclass)", 0, false)).isEqualTo("nextval('s'::regclass)");
        assertThat(deparser.deparse("'-1'::integer", 0, false)).isEqualTo("'-1'::integer");
        assertThat(deparser.deparse("2::bigint", 0, false)).isEqualTo("(2)::bigint");
        assertThat(deparser.deparse("2::bigint", 0, true)).isEqualTo("2::bigint");
    }

    @Test
    void operatorsAreParenthesizedUnlessPretty() {
        assertThat(deparser.deparse("1 + 2 * 3 > 4 AND true", 0, false)).isEqualTo("(((1 + (2 * 3)) > 4) AND true)");
        assertThat(deparser.deparse("1 + 2 * 3 > 4 AND true", 0, true)).isEqualTo("(1 + 2 * 3) > 4 AND true");
        assertThat(deparser.deparse("1 > 0 OR 2 > 0 AND 3 > 0", 0, true)).isEqualTo("1 > 0 OR 2 > 0 AND 3 > 0");
        assertThat(deparser.deparse("1.5 > 1", 0, false)).isEqualTo("(1.5 > (1)::numeric)");
    }

    @Test
    void unparsableTextIsReturnedAsStored() {
        assertThat(deparser.deparse("this is not sql (", 0, false)).isEqualTo("this is not sql (");
    }
}
