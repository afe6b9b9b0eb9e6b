package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** reg* input and output compared with PostgreSQL 15 for {@link TestCatalog}. */
@Timeout(10)
class OidNamesResolverTest {
    private final FakeSystemContext session = new FakeSystemContext(TestCatalog.build());
    private final SystemCatalog system = new SystemCatalog(ExpressionDeparser.STORED_TEXT);
    private final OidNamesResolver names = new OidNamesResolver(session.catalog(), TestCatalog.DB,
            Catalog.BOOTSTRAP_SUPERUSER, List.of("pg_catalog", "public"),
            List.of(new ProcInfo(1299, "now", 11, List.of(), 1184, 'f', false, true, 's', 0),
                    new ProcInfo(1066, "generate_series", 11, List.of(20, 20), 20, 'f', true, true, 'i', 0),
                    new ProcInfo(1067, "generate_series", 11, List.of(23, 23), 23, 'f', true, true, 'i', 0)), system);

    @Test
    void regclassResolvesThroughTheSearchPathAndQualifiesWhatIsNotVisible() {
        assertThat(names.oid(TypeOids.REGCLASS, "pg_class")).isEqualTo(1259);
        assertThat(names.oid(TypeOids.REGCLASS, "pg_catalog.pg_class")).isEqualTo(1259);
        assertThat(names.oid(TypeOids.REGCLASS, "t")).isEqualTo(TestCatalog.T);
        assertThat(names.oid(TypeOids.REGCLASS, "s2.other")).isEqualTo(TestCatalog.OTHER);
        assertThat(names.oid(TypeOids.REGCLASS, "16384")).isEqualTo(16384);
        assertThat(names.name(TypeOids.REGCLASS, 1259)).isEqualTo("pg_class");
        assertThat(names.name(TypeOids.REGCLASS, TestCatalog.OTHER)).isEqualTo("s2.other");
        assertThat(names.name(TypeOids.REGCLASS, TestCatalog.T)).isEqualTo("t");
        assertThat(names.name(TypeOids.REGCLASS, 99999)).isEqualTo("99999");
        assertThatThrownBy(() -> names.oid(TypeOids.REGCLASS, "nosuch")).isInstanceOfSatisfying(ShaleException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNDEFINED_TABLE);
                    assertThat(e.getMessage()).isEqualTo("relation \"nosuch\" does not exist");
                });
    }

    @Test
    void regtypeAcceptsSqlSpellings() {
        assertThat(names.oid(TypeOids.REGTYPE, "integer")).isEqualTo(23);
        assertThat(names.oid(TypeOids.REGTYPE, "int4[]")).isEqualTo(1007);
        assertThat(names.oid(TypeOids.REGTYPE, "character varying")).isEqualTo(1043);
        assertThat(names.oid(TypeOids.REGTYPE, "varchar(20)")).isEqualTo(1043);
        assertThat(names.oid(TypeOids.REGTYPE, "mood")).isEqualTo(TestCatalog.MOOD);
        assertThat(names.name(TypeOids.REGTYPE, 23)).isEqualTo("integer");
        assertThat(names.name(TypeOids.REGTYPE, 1007)).isEqualTo("integer[]");
        assertThat(names.name(TypeOids.REGTYPE, 1043)).isEqualTo("character varying");
        assertThat(names.name(TypeOids.REGTYPE, TestCatalog.MOOD)).isEqualTo("mood");
        assertThatThrownBy(() -> names.oid(TypeOids.REGTYPE, "nosuch")).hasMessage("type \"nosuch\" does not exist");
    }

    @Test
    void regprocRegnamespaceRegrole() {
        assertThat(names.oid(TypeOids.REGPROC, "now")).isEqualTo(1299);
        assertThat(names.oid(TypeOids.REGPROC, "pg_catalog.array_in")).isEqualTo(750);
        assertThat(names.name(TypeOids.REGPROC, 1299)).isEqualTo("now");
        assertThat(names.name(TypeOids.REGPROCEDURE, 1067)).isEqualTo("generate_series(integer,integer)");
        assertThatThrownBy(() -> names.oid(TypeOids.REGPROC, "generate_series"))
                .hasMessage("more than one function named \"generate_series\"");
        assertThatThrownBy(() -> names.oid(TypeOids.REGPROC, "nosuch")).hasMessage("function \"nosuch\" does not exist");
        assertThat(names.oid(TypeOids.REGPROCEDURE, "generate_series(int, int)")).isEqualTo(1067);
        assertThat(names.oid(TypeOids.REGPROCEDURE, "pg_catalog.generate_series(bigint,bigint)")).isEqualTo(1066);
        assertThatThrownBy(() -> names.oid(TypeOids.REGPROCEDURE, "generate_series(text)"))
                .hasMessage("function \"generate_series(text)\" does not exist");
        assertThat(names.oid(TypeOids.REGNAMESPACE, "public")).isEqualTo(2200);
        assertThat(names.name(TypeOids.REGNAMESPACE, 2200)).isEqualTo("public");
        assertThatThrownBy(() -> names.oid(TypeOids.REGNAMESPACE, "nosuch")).hasMessage("schema \"nosuch\" does not exist");
        assertThat(names.oid(TypeOids.REGROLE, "postgres")).isEqualTo(10);
        assertThat(names.name(TypeOids.REGROLE, 10)).isEqualTo("postgres");
        assertThatThrownBy(() -> names.oid(TypeOids.REGROLE, "nosuch")).hasMessage("role \"nosuch\" does not exist");
    }
}
