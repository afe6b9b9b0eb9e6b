package io.shale.engine.system;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog functions over {@link TestCatalog}; expected texts are what PostgreSQL 15.18 printed. */
@Timeout(20)
class CatalogFunctionsTest {
    private final FakeSystemContext session = new FakeSystemContext(TestCatalog.build());
    private final FakeEvalContext context = new FakeEvalContext(session);
    private final SystemCatalog system = new SystemCatalog(ExpressionDeparser.STORED_TEXT);
    private final RelationSizes sizes = new RelationSizes() {
        @Override
        public long relationSize(int relationOid) {
            return relationOid == TestCatalog.T ? 16384 : 8192;
        }

        @Override
        public long databaseSize(int databaseOid) {
            return 7_500_000;
        }
    };
    private final List<CatalogFunction> functions = CatalogFunctions.definitions(new CatalogServices(
            () -> session.functions, sizes, ExpressionDeparser.STORED_TEXT, system, Instant.EPOCH));

    private Object call(String name, Object... arguments) {
        for (CatalogFunction f : functions) {
            if (f.name().equals(name) && f.argumentTypes().size() == arguments.length
                    && f.body() instanceof CatalogFunction.Scalar s && matches(f, arguments)) {
                return s.function().apply(context, arguments);
            }
        }
        throw new AssertionError("no function " + name + " for " + List.of(arguments));
    }

    private static boolean matches(CatalogFunction f, Object[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            int type = f.argumentTypes().get(i);
            boolean text = type == TypeOids.TEXT || type == TypeOids.NAME;
            if (arguments[i] instanceof String != text && arguments[i] != null
                    && !(type == TypeOids.PG_NODE_TREE && arguments[i] instanceof String)) {
                return false;
            }
            if (arguments[i] instanceof Short != (type == TypeOids.INT2) && arguments[i] != null) {
                return false;
            }
        }
        return true;
    }

    @Test
    void signaturesAreUniqueAndUsePostgresOids() {
        assertThat(functions).extracting(CatalogFunction::oid).doesNotHaveDuplicates();
        assertThat(functions).filteredOn(f -> f.name().equals("has_table_privilege")).extracting(CatalogFunction::oid)
                .containsExactly(1922L, 1923L, 1924L, 1925L, 1926L, 1927L);
        assertThat(functions).filteredOn(f -> f.name().equals("has_column_privilege")).hasSize(12);
        assertThat(functions).filteredOn(CatalogFunction::returnsSet).extracting(CatalogFunction::name)
                .containsExactly("_pg_expandarray", "pg_partition_ancestors", "aclexplode");
    }

    @Test
    void indexAndConstraintDefinitionsMatchPostgres() {
        assertThat(call("pg_get_indexdef", (long) TestCatalog.T_PKEY))
                .isEqualTo("CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)");
        assertThat(call("pg_get_indexdef", (long) TestCatalog.T_MULTI, 0, true))
                .isEqualTo("CREATE INDEX t_multi ON t USING btree (p, name) INCLUDE (price)");
        assertThat(call("pg_get_indexdef", (long) TestCatalog.T_MULTI, 2, false)).isEqualTo("name");
        assertThat(call("pg_get_indexdef", (long) TestCatalog.PARENT_PKEY, 2, false)).isEqualTo("");
        assertThat(call("pg_get_indexdef", 99999L)).isNull();
        assertThat(call("pg_get_constraintdef", (long) TestCatalog.CON_T_PKEY)).isEqualTo("PRIMARY KEY (id)");
        assertThat(call("pg_get_constraintdef", (long) TestCatalog.CON_PARENT_CODE_KEY, true)).isEqualTo("UNIQUE (code)");
        assertThat(call("pg_get_constraintdef", (long) TestCatalog.CON_T_P_FKEY))
                .isEqualTo("FOREIGN KEY (p) REFERENCES parent(a) ON DELETE CASCADE");
        assertThat(call("pg_get_constraintdef", (long) TestCatalog.CON_T_PRICE_CHECK))
                .isEqualTo("CHECK ((price > (0)::numeric))");
        assertThat(call("pg_get_expr", "nextval('t_id_seq'::regclass)", (long) TestCatalog.T))
                .isEqualTo("nextval('t_id_seq'::regclass)");
        assertThat(call("pg_get_viewdef", (long) TestCatalog.V)).isEqualTo("SELECT t.id, t.name FROM t WHERE (t.id > 1)");
    }

    @Test
    void namesAndDescriptions() {
        assertThat(call("pg_get_userbyid", 10L)).isEqualTo("postgres");
        assertThat(call("pg_get_userbyid", 99999L)).isEqualTo("unknown (OID=99999)");
        assertThat(call("pg_encoding_to_char", 6)).isEqualTo("UTF8");
        assertThat(call("pg_encoding_to_char", 99)).isEqualTo("");
        assertThat(call("format_type", 1043L, 24)).isEqualTo("character varying(20)");
        assertThat(call("format_type", 1043L, null)).isEqualTo("character varying");
        assertThat(call("format_type", 99999L, -1)).isEqualTo("???");
        assertThat(call("format_type", (long) TestCatalog.MOOD, -1)).isEqualTo("mood");
        assertThat(call("format_type", 1007L, -1)).isEqualTo("integer[]");
        assertThat(call("obj_description", (long) TestCatalog.T, "pg_class")).isEqualTo("the t");
        assertThat(call("obj_description", (long) TestCatalog.T)).isEqualTo("the t");
        assertThat(call("col_description", (long) TestCatalog.T, 2)).isEqualTo("name col");
        assertThat(call("pg_tablespace_location", 1663L)).isEqualTo("");
        assertThat(call("pg_relation_is_publishable", (long) TestCatalog.T)).isEqualTo(true);
        assertThat(call("pg_relation_is_publishable", (long) TestCatalog.T_PKEY)).isEqualTo(false);
        assertThat(call("pg_relation_is_publishable", 1259L)).isEqualTo(false);
        assertThat(call("pg_get_serial_sequence", "t", "id")).isEqualTo("public.t_id_seq");
        assertThat(call("pg_get_serial_sequence", "public.t", "name")).isNull();
        assertError(() -> call("pg_get_serial_sequence", "nosuch", "a"), ErrorCode.UNDEFINED_TABLE,
                "relation \"nosuch\" does not exist");
        assertError(() -> call("pg_get_serial_sequence", "t", "zz"), ErrorCode.UNDEFINED_COLUMN,
                "column \"zz\" of relation \"t\" does not exist");
        assertThat(call("pg_get_function_result", 1067L)).isEqualTo("SETOF integer");
        assertThat(call("pg_get_function_arguments", 1067L)).isEqualTo("integer, integer");
        assertThat(call("current_schema")).isEqualTo("public");
        assertThat(TypeSupport.elements(call("current_schemas", true))).containsExactly("pg_catalog", "public");
        assertThat(call("current_database")).isEqualTo("postgres");
        assertThat(call("pg_is_in_recovery")).isEqualTo(false);
    }

    @Test
    void visibilityFollowsTheSearchPath() {
        assertThat(call("pg_table_is_visible", 99999L)).isNull();
        assertThat(call("pg_table_is_visible", (long) TestCatalog.OTHER)).isEqualTo(false);
        assertThat(call("pg_table_is_visible", (long) TestCatalog.T)).isEqualTo(true);
        assertThat(call("pg_table_is_visible", 1259L)).isEqualTo(true);
        assertThat(call("pg_type_is_visible", (long) TestCatalog.MOOD)).isEqualTo(true);
        assertThat(call("pg_type_is_visible", 23L)).isEqualTo(true);
        session.settings.set("search_path", "s2", false);
        assertThat(call("pg_table_is_visible", (long) TestCatalog.OTHER)).isEqualTo(true);
        assertThat(call("pg_table_is_visible", (long) TestCatalog.T)).isEqualTo(false);
        assertThat(call("pg_type_is_visible", (long) TestCatalog.MOOD)).isEqualTo(false);
        assertThat(call("pg_function_is_visible", 1299L)).isEqualTo(true);
    }

    @Test
    void privilegesFollowTheAclsAndUnknownObjectsFail() {
        assertThat(call("has_table_privilege", "t", "select")).isEqualTo(true);
        assertThat(call("has_table_privilege", "alice", "t", "SELECT, INSERT")).isEqualTo(false);
        assertThat(call("has_table_privilege", 99999L, "select")).isNull();
        assertError(() -> call("has_table_privilege", "nosuch", "select"), ErrorCode.UNDEFINED_TABLE,
                "relation \"nosuch\" does not exist");
        assertError(() -> call("has_schema_privilege", "nosuch", "usage"), ErrorCode.INVALID_SCHEMA_NAME,
                "schema \"nosuch\" does not exist");
        assertError(() -> call("has_database_privilege", "nosuch", "connect"), ErrorCode.INVALID_CATALOG_NAME,
                "database \"nosuch\" does not exist");
        assertError(() -> call("has_table_privilege", "t", "foo"), ErrorCode.INVALID_PARAMETER_VALUE,
                "unrecognized privilege type: \"foo\"");
        assertError(() -> call("pg_has_role", "nosuch", "member"), ErrorCode.UNDEFINED_OBJECT,
                "role \"nosuch\" does not exist");
        assertError(() -> call("has_column_privilege", "t", "zz", "select"), ErrorCode.UNDEFINED_COLUMN,
                "column \"zz\" of relation \"t\" does not exist");
        assertError(() -> call("has_function_privilege", "nosuch()", "execute"), ErrorCode.UNDEFINED_FUNCTION,
                "function \"nosuch()\" does not exist");
        assertError(() -> call("has_sequence_privilege", "t", "usage"), ErrorCode.WRONG_OBJECT_TYPE,
                "\"t\" is not a sequence");
        assertThat(call("has_sequence_privilege", "t_id_seq", "usage")).isEqualTo(true);
        assertThat(call("has_column_privilege", "t", (short) 2, "select")).isEqualTo(true);
        assertThat(call("pg_has_role", "postgres", "member")).isEqualTo(true);
        assertThat(call("pg_has_role", "alice", "postgres", "member")).isEqualTo(false);
    }

    @Test
    void sizesAndPrettySizesMatchPostgres() {
        assertThat(call("pg_relation_size", (long) TestCatalog.T)).isEqualTo(16384L);
        assertThat(call("pg_indexes_size", (long) TestCatalog.T)).isEqualTo(5 * 8192L);
        assertThat(call("pg_total_relation_size", (long) TestCatalog.T)).isEqualTo(16384L + 5 * 8192L);
        assertThat(call("pg_relation_size", 99999L)).isNull();
        assertThat(call("pg_database_size", "postgres")).isEqualTo(7_500_000L);
        Map<Long, String> expected = Map.ofEntries(Map.entry(0L, "0 bytes"), Map.entry(8192L, "8192 bytes"),
                Map.entry(10239L, "10239 bytes"), Map.entry(10240L, "10 kB"), Map.entry(16384L, "16 kB"),
                Map.entry(20479L, "20 kB"), Map.entry(1048576L, "1024 kB"), Map.entry(10485760L, "10 MB"),
                Map.entry(20971519L, "20 MB"), Map.entry(1073741824L, "1024 MB"), Map.entry(-10240L, "-10 kB"),
                Map.entry(-20971520L, "-20 MB"), Map.entry(123456789012L, "115 GB"),
                Map.entry(Long.MAX_VALUE, "8192 PB"), Map.entry(5000000000000000L, "4547 TB"), Map.entry(-1L, "-1 bytes"));
        expected.forEach((size, text) -> {
            assertThat(call("pg_size_pretty", size)).as("%d", size).isEqualTo(text);
            assertThat(SizeFunctions.pretty(BigDecimal.valueOf(size))).as("numeric %d", size).isEqualTo(text);
        });
        assertThat(SizeFunctions.pretty(new BigDecimal("1234.5678"))).isEqualTo("1234.5678 bytes");
        assertThat(SizeFunctions.pretty(new BigDecimal("10240.5"))).isEqualTo("10 kB");
    }

    @Test
    void expandArrayNumbersElementsFromOne() {
        CatalogFunction f = functions.stream().filter(x -> x.name().equals("_pg_expandarray")).findFirst().orElseThrow();
        CatalogFunction.SetReturning body = (CatalogFunction.SetReturning) f.body();
        List<Object[]> rows = new ArrayList<>();
        for (Iterator<Object[]> it = body.function().apply(context,
                new Object[] {TypeSupport.vector(TypeOids.INT2, List.of((short) 4, (short) 2))}); it.hasNext(); ) {
            rows.add(it.next());
        }
        assertThat(rows).containsExactly(new Object[] {(short) 4, 1}, new Object[] {(short) 2, 2});
        assertThat(body.columns()).extracting(SystemColumn::name).containsExactly("x", "n");
    }

    private static void assertError(Runnable action, ErrorCode code, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ShaleException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
