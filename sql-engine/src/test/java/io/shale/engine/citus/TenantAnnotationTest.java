package io.shale.engine.citus;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Citus's task annotation: its text, and that parsing gives back the colocation id and tenant value. */
class TenantAnnotationTest {
    @Test
    void rowTenantAsCitusWritesIt() {
        assertThat(TenantAnnotation.annotate("SELECT 1", 3, "42")).isEqualTo("/*{\"cId\":3,\"tId\":\"42\"}*/SELECT 1");
        assertThat(TenantAnnotation.annotate("SELECT 1", 3, "a*/b")).isEqualTo(
                "/*{\"cId\":3,\"tId\":\"a\\\\*\\\\/b\"}*/SELECT 1");
        assertThat(TenantAnnotation.parse("/*{\"cId\":3,\"tId\":\"a\\\\*\\\\/b\"}*/SELECT 1"))
                .isEqualTo(new TenantAnnotation(3, "a*/b"));
    }

    @Test
    void schemaTenantHasNoTenantValue() {
        assertThat(TenantAnnotation.annotateSchema("SELECT 1", 9)).isEqualTo("/*{\"cId\":9}*/SELECT 1");
        assertThat(TenantAnnotation.parse("/*{\"cId\":9}*/SELECT 1")).isEqualTo(new TenantAnnotation(9, null));
    }

    @Test
    void otherTextsCarryNoAnnotation() {
        assertThat(TenantAnnotation.parse("SELECT 1")).isNull();
        assertThat(TenantAnnotation.parse("/* hello */ SELECT 1")).isNull();
        assertThat(TenantAnnotation.parse("/*{\"cId\":x}*/SELECT 1")).isNull();
    }

    @Test
    void attributesAreCutAtNinetyNineBytes() {
        String value = "é".repeat(60);
        String parsed = TenantAnnotation.parse(TenantAnnotation.annotate("SELECT 1", 1, value)).attribute();
        assertThat(parsed).isEqualTo("é".repeat(49));
    }

    @Property(tries = 200)
    void parsingGivesBackTheValue(@ForAll int colocationId, @ForAll String value) {
        String sql = TenantAnnotation.annotate("SELECT 1", colocationId, value);
        assertThat(sql).endsWith("*/SELECT 1");
        assertThat(sql.indexOf("*/")).isEqualTo(sql.length() - "*/SELECT 1".length());
        assertThat(TenantAnnotation.parse(sql)).isEqualTo(new TenantAnnotation(colocationId,
                TenantAnnotation.truncate(value)));
    }
}
