package io.shale.engine.system;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.common.types.SqlType;
import io.shale.common.error.ErrorCode;
import io.shale.common.types.ArrayValue;
import io.shale.common.error.ShaleException;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rows of the system relations for {@link TestCatalog}, compared with PostgreSQL 15. */
@Timeout(20)
class SystemCatalogTest {
    private final SystemCatalog system = new SystemCatalog(ExpressionDeparser.STORED_TEXT);
    private final FakeSystemContext context = new FakeSystemContext(TestCatalog.build());

    private List<Map<String, Object>> rows(String schema, String name) {
        SystemRelation relation = system.relation(schema, name);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Iterator<Object[]> it = relation.rows(context); it.hasNext(); ) {
            Object[] row = it.next();
            Map<String, Object> map = new HashMap<>();
            for (int i = 0; i < row.length; i++) {
                map.put(relation.columns().get(i).name(), row[i]);
            }
            out.add(map);
        }
        return out;
    }

    private List<Map<String, Object>> rows(String name) {
        return rows("pg_catalog", name);
    }

    private static Map<String, Object> find(List<Map<String, Object>> rows, String column, Object value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst().orElseThrow(
                () -> new AssertionError("no row with " + column + " = " + value));
    }

    private static List<Object> elements(Object array) {
        return TypeSupport.elements(array);
    }

    @Test
    void everyRelationScansAndEveryValueHasItsColumnsJavaType() {
        assertThat(system.all()).hasSize(74);
        for (SystemRelation relation : system.all()) {
            for (Iterator<Object[]> it = relation.rows(context); it.hasNext(); ) {
                Object[] row = it.next();
                assertThat(row).hasSize(relation.columns().size());
                for (int i = 0; i < row.length; i++) {
                    if (row[i] != null) {
                        Class<?> expected = switch (relation.columns().get(i).type().oid()) {
                            case TypeOids.OID, TypeOids.REGPROC, TypeOids.XID, TypeOids.REGTYPE, TypeOids.INT8 -> Long.class;
                            case TypeOids.INT2 -> Short.class;
                            case TypeOids.INT4 -> Integer.class;
                            case TypeOids.BOOL -> Boolean.class;
                            case TypeOids.FLOAT4 -> Float.class;
                            case TypeOids.NAME, TypeOids.TEXT, TypeOids.VARCHAR, TypeOids.CHAR,
                                 TypeOids.PG_NODE_TREE -> String.class;
                            case TypeOids.TIMESTAMPTZ -> Instant.class;
                            default -> Object.class;
                        };
                        assertThat(row[i]).as(relation.name() + "." + relation.columns().get(i).name())
                                .isInstanceOf(expected);
                    }
                }
            }
        }
    }

    @Test
    void lookupsByNameAndOidUsePostgresOids() {
        assertThat(system.relation("pg_catalog", "pg_class").oid()).isEqualTo(1259);
        assertThat(system.relation(1247).name()).isEqualTo("pg_type");
        assertThat(system.relation("pg_catalog", "pg_roles").kind()).isEqualTo('v');
        assertThat(system.relation("information_schema", "columns").schema()).isEqualTo("information_schema");
        assertThat(system.relation("pg_catalog", "nosuch")).isNull();
        assertThat(system.relation("pg_catalog", "pg_class").columns().get(0).name()).isEqualTo("oid");
        assertThat(system.relation("pg_catalog", "pg_class").columns()).hasSize(33);
    }

    @Test
    void pgClassShowsUserAndSystemRelations() {
        List<Map<String, Object>> rows = rows("pg_class");
        Map<String, Object> t = find(rows, "oid", (long) TestCatalog.T);
        assertThat(t).containsEntry("relname", "t").containsEntry("relkind", "r").containsEntry("relnatts", (short) 6)
                .containsEntry("relhasindex", true).containsEntry("relchecks", (short) 1)
                .containsEntry("relhastriggers", true).containsEntry("relam", 2L).containsEntry("relpersistence", "p")
                .containsEntry("reltype", SystemOids.rowType(TestCatalog.T)).containsEntry("relnamespace", 2200L);
        assertThat(find(rows, "oid", (long) TestCatalog.PARENT)).containsEntry("relhastriggers", true);
        assertThat(find(rows, "oid", (long) TestCatalog.T_PKEY)).containsEntry("relkind", "i").containsEntry("relam", 403L);
        assertThat(find(rows, "oid", (long) TestCatalog.T_ID_SEQ)).containsEntry("relkind", "S");
        assertThat(find(rows, "oid", (long) TestCatalog.V)).containsEntry("relkind", "v");
        assertThat(find(rows, "oid", 1259L)).containsEntry("relname", "pg_class").containsEntry("relkind", "r")
                .containsEntry("relnamespace", 11L);
        assertThat(find(rows, "oid", 12000L)).containsEntry("relname", "pg_roles").containsEntry("relkind", "v");
    }

    @Test
    void pgAttributeDescribesColumnsLikePostgres() {
        List<Map<String, Object>> rows = rows("pg_attribute");
        Map<String, Object> name = rows.stream().filter(r -> r.get("attrelid").equals((long) TestCatalog.T)
                && r.get("attname").equals("name")).findFirst().orElseThrow();
        assertThat(name).containsEntry("atttypid", 1043L).containsEntry("atttypmod", 24).containsEntry("attlen", (short) -1)
                .containsEntry("attnum", (short) 2).containsEntry("attnotnull", true).containsEntry("atthasdef", true)
                .containsEntry("attcollation", 100L).containsEntry("attidentity", "").containsEntry("attgenerated", "")
                .containsEntry("attstorage", "x").containsEntry("attalign", "i").containsEntry("attisdropped", false);
        Map<String, Object> expr = rows.stream().filter(r -> r.get("attrelid").equals((long) TestCatalog.T_LOWER_IDX))
                .findFirst().orElseThrow();
        assertThat(expr).containsEntry("attname", "lower");
        assertThat(rows.stream().filter(r -> r.get("attrelid").equals(1259L))).hasSize(33);
    }

    @Test
    void pgAttrdefHoldsDefaultsForPgGetExpr() {
        List<Map<String, Object>> rows = rows("pg_attrdef");
        assertThat(rows).extracting(r -> r.get("adbin")).containsExactlyInAnyOrder(
                "nextval('t_id_seq'::regclass)", "'x'::character varying", "now()");
    }

    @Test
    void pgIndexVectorsMatchPostgres() {
        List<Map<String, Object>> rows = rows("pg_index");
        Map<String, Object> nf = find(rows, "indexrelid", (long) TestCatalog.T_NF);
        assertThat(elements(nf.get("indkey"))).containsExactly((short) 4, (short) 5);
        assertThat(elements(nf.get("indoption"))).containsExactly((short) 2, (short) 3);
        assertThat(elements(nf.get("indclass"))).containsExactly(1978L, 10069L);
        assertThat(((ArrayValue) nf.get("indkey")).lowerBounds()).containsExactly(0);
        Map<String, Object> multi = find(rows, "indexrelid", (long) TestCatalog.T_MULTI);
        assertThat(multi).containsEntry("indnatts", (short) 3).containsEntry("indnkeyatts", (short) 2);
        assertThat(elements(multi.get("indkey"))).containsExactly((short) 4, (short) 2, (short) 3);
        assertThat(elements(multi.get("indcollation"))).containsExactly(0L, 100L);
        assertThat(elements(find(rows, "indexrelid", (long) TestCatalog.T_NAME_IDX).get("indoption")))
                .containsExactly((short) 1);
        assertThat(find(rows, "indexrelid", (long) TestCatalog.T_PKEY)).containsEntry("indisprimary", true)
                .containsEntry("indisunique", true);
        assertThat(find(rows, "indexrelid", (long) TestCatalog.T_LOWER_IDX))
                .containsEntry("indpred", "(price > (10)::numeric)");
    }

    @Test
    void pgConstraintMatchesPostgres() {
        List<Map<String, Object>> rows = rows("pg_constraint");
        assertThat(find(rows, "conname", "t_p_fkey")).containsEntry("contype", "f")
                .containsEntry("conindid", (long) TestCatalog.PARENT_PKEY).containsEntry("confupdtype", "a")
                .containsEntry("confdeltype", "c").containsEntry("confmatchtype", "s")
                .containsEntry("confrelid", (long) TestCatalog.PARENT).containsEntry("connoinherit", true);
        assertThat(find(rows, "conname", "t_price_check")).containsEntry("conindid", 0L)
                .containsEntry("confupdtype", " ").containsEntry("connoinherit", false)
                .containsEntry("conbin", "(price > (0)::numeric)");
        assertThat(elements(find(rows, "conname", "t_pkey").get("conkey"))).containsExactly((short) 1);
    }

    @Test
    void pgTypeHasBuiltinsEnumsArraysAndRowTypes() {
        List<Map<String, Object>> rows = rows("pg_type");
        assertThat(find(rows, "oid", 23L)).containsEntry("typname", "int4").containsEntry("typlen", (short) 4)
                .containsEntry("typarray", 1007L).containsEntry("typtype", "b").containsEntry("typcategory", "N");
        assertThat(find(rows, "oid", 1007L)).containsEntry("typinput", 750L).containsEntry("typelem", 23L);
        assertThat(find(rows, "oid", (long) TestCatalog.MOOD)).containsEntry("typtype", "e")
                .containsEntry("typarray", (long) TestCatalog.MOOD + 1).containsEntry("typnamespace", 2200L);
        assertThat(find(rows, "oid", (long) TestCatalog.MOOD + 1)).containsEntry("typname", "_mood")
                .containsEntry("typcategory", "A");
        assertThat(find(rows, "typrelid", (long) TestCatalog.T)).containsEntry("typname", "t").containsEntry("typtype", "c");
    }

    @Test
    void rolesAndDatabases() {
        assertThat(rows("pg_roles")).extracting(r -> r.get("rolname")).startsWith("postgres")
                .contains("alice", "pg_database_owner", "pg_monitor").hasSize(14);
        assertThat(find(rows("pg_roles"), "rolname", "alice")).containsEntry("rolpassword", "********")
                .containsEntry("rolsuper", false).containsEntry("oid", (long) TestCatalog.ALICE);
        assertThat(rows("pg_user")).hasSize(2);
        assertThat(rows("pg_authid")).hasSize(14);
        context.userOid = TestCatalog.ALICE;
        assertThatThrownBy(() -> rows("pg_authid")).isInstanceOfSatisfying(ShaleException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGE);
            assertThat(e.getMessage()).isEqualTo("permission denied for table pg_authid");
        });
        assertThatThrownBy(() -> rows("pg_statistic")).hasMessage("permission denied for table pg_statistic");
        assertThat(find(rows("pg_database"), "datname", "postgres")).containsEntry("oid", 5L)
                .containsEntry("encoding", 6).containsEntry("datlocprovider", "c").containsEntry("datcollate", "C.UTF-8")
                .containsEntry("dattablespace", 1663L).containsEntry("datistemplate", false);
    }

    @Test
    void smallFixedCatalogs() {
        assertThat(rows("pg_am")).extracting(r -> r.get("amname"))
                .contains("heap", "btree", "hash", "gist", "gin", "spgist", "brin", "columnar");
        assertThat(rows("pg_collation")).extracting(r -> r.get("oid")).containsExactly(100L, 950L, 951L);
        assertThat(find(rows("pg_extension"), "extname", "plpgsql")).containsEntry("extowner", 10L)
                .containsEntry("extnamespace", 11L).containsEntry("extversion", "1.0");
        assertThat(rows("pg_tablespace")).extracting(r -> r.get("spcname")).containsExactly("pg_default", "pg_global");
        assertThat(rows("pg_inherits")).isEmpty();
        assertThat(find(rows("pg_description"), "objsubid", 2)).containsEntry("description", "name col");
        assertThat(rows("pg_enum")).extracting(r -> r.get("enumlabel")).containsExactly("sad", "ok", "happy");
        assertThat(rows("pg_enum")).extracting(r -> r.get("enumsortorder")).containsExactly(1f, 2f, 3f);
        assertThat(find(rows("pg_sequence"), "seqrelid", (long) TestCatalog.T_ID_SEQ)).containsEntry("seqtypid", 23L)
                .containsEntry("seqmax", 2147483647L).containsEntry("seqcycle", false);
        assertThat(find(rows("pg_namespace"), "nspname", "s2")).containsEntry("oid", (long) TestCatalog.S2);
        assertThat(find(rows("pg_proc"), "proname", "generate_series")).containsEntry("proretset", true)
                .containsEntry("prorettype", 23L);
        assertThat(find(rows("pg_settings"), "name", "TimeZone")).containsEntry("setting", "UTC");
    }

    @Test
    void pgCatalogViewsMatchPostgres() {
        assertThat(rows("pg_indexes")).extracting(r -> r.get("indexdef")).containsExactlyInAnyOrder(
                "CREATE UNIQUE INDEX parent_pkey ON public.parent USING btree (a)",
                "CREATE UNIQUE INDEX parent_code_key ON public.parent USING btree (code)",
                "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)",
                "CREATE UNIQUE INDEX t_name_idx ON public.t USING btree (name DESC NULLS LAST)",
                "CREATE INDEX t_lower_idx ON public.t USING btree (lower((name)::text)) WHERE (price > (10)::numeric)",
                "CREATE INDEX t_multi ON public.t USING btree (p, name) INCLUDE (price)",
                "CREATE INDEX t_nf ON public.t USING btree (p NULLS FIRST, m DESC)");
        Map<String, Object> t = find(rows("pg_tables"), "tablename", "t");
        assertThat(t).containsEntry("schemaname", "public").containsEntry("tableowner", "postgres")
                .containsEntry("hasindexes", true).containsEntry("hastriggers", true).containsEntry("tablespace", null);
        assertThat(find(rows("pg_sequences"), "sequencename", "t_id_seq")).containsEntry("data_type", 23L)
                .containsEntry("max_value", 2147483647L).containsEntry("last_value", null);
        assertThat(find(rows("pg_views"), "viewname", "v")).containsEntry("schemaname", "public");
    }

    @Test
    void informationSchema() {
        List<Map<String, Object>> columns = rows("information_schema", "columns");
        Map<String, Object> name = columns.stream().filter(r -> r.get("table_name").equals("t")
                && r.get("column_name").equals("name")).findFirst().orElseThrow();
        assertThat(name).containsEntry("data_type", "character varying").containsEntry("character_maximum_length", 20)
                .containsEntry("is_nullable", "NO").containsEntry("column_default", "'x'::character varying")
                .containsEntry("udt_name", "varchar").containsEntry("ordinal_position", 2)
                .containsEntry("table_catalog", "postgres");
        Map<String, Object> price = columns.stream().filter(r -> r.get("column_name").equals("price")).findFirst()
                .orElseThrow();
        assertThat(price).containsEntry("numeric_precision", 10).containsEntry("numeric_scale", 2)
                .containsEntry("numeric_precision_radix", 10);
        Map<String, Object> mood = columns.stream().filter(r -> r.get("column_name").equals("m")).findFirst().orElseThrow();
        assertThat(mood).containsEntry("data_type", "USER-DEFINED").containsEntry("udt_name", "mood");
        assertThat(find(rows("information_schema", "tables"), "table_name", "v")).containsEntry("table_type", "VIEW");
        assertThat(find(rows("information_schema", "tables"), "table_name", "t")).containsEntry("table_type", "BASE TABLE");
        assertThat(rows("information_schema", "table_constraints")).extracting(r -> r.get("constraint_type"))
                .contains("PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK");
        assertThat(find(rows("information_schema", "key_column_usage"), "constraint_name", "t_p_fkey"))
                .containsEntry("column_name", "p").containsEntry("position_in_unique_constraint", 1);
        assertThat(find(rows("information_schema", "sequences"), "sequence_name", "t_id_seq"))
                .containsEntry("data_type", "integer").containsEntry("maximum_value", "2147483647");
        assertThat(rows("information_schema", "schemata")).extracting(r -> r.get("schema_name"))
                .contains("public", "s2", "pg_catalog", "information_schema");
    }

    @Test
    void droppedIdentityAndGeneratedColumns() {
        CatalogEditor e = TestCatalog.build().edit();
        e.putRelation(TestCatalog.DB, new Table(30000, TestCatalog.PUBLIC, "g", 10, List.of(
                Column.of("gone", 1, SqlType.INT4).asDropped(),
                Column.of("id", 2, SqlType.INT8).withNotNull(true)
                        .withIdentity('a'),
                new Column("twice", (short) 3, SqlType.INT8, false, null, '\0',
                        "(id * 2)", false)), 11, "columnar", Map.of("fillfactor", "100"), 'p', 'd'));
        e.putRelation(TestCatalog.DB, new Sequence(30001, TestCatalog.PUBLIC, "g_id_seq", 10,
                SqlType.INT8, 1, 1, 1, Long.MAX_VALUE, 1, false, 30000, (short) 2));
        FakeSystemContext other = new FakeSystemContext(e.build());
        SystemRelation attribute = system.relation("pg_catalog", "pg_attribute");
        List<Object[]> rows = new ArrayList<>();
        attribute.rows(other).forEachRemaining(r -> {
            if (r[0].equals(30000L)) {
                rows.add(r);
            }
        });
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)[1]).isEqualTo("........pg.dropped.1........");
        assertThat(rows.get(0)[2]).isEqualTo(0L);
        assertThat(rows.get(1)[16]).as("attidentity").isEqualTo("a");
        assertThat(rows.get(2)[17]).as("attgenerated").isEqualTo("s");
        List<Object> adbin = new ArrayList<>();
        system.relation("pg_catalog", "pg_attrdef").rows(other).forEachRemaining(r -> {
            if (r[1].equals(30000L)) {
                adbin.add(r[3]);
            }
        });
        assertThat(adbin).containsExactly("(id * 2)");
        List<Object[]> classes = new ArrayList<>();
        system.relation("pg_catalog", "pg_class").rows(other).forEachRemaining(r -> {
            if (r[0].equals(30000L)) {
                classes.add(r);
            }
        });
        assertThat(classes.getFirst()[6]).as("relam").isEqualTo((long) SystemOids.COLUMNAR);
        assertThat(TypeSupport.elements(classes.getFirst()[31])).containsExactly("fillfactor=100");
        List<Object[]> columns = new ArrayList<>();
        SystemRelation info = system.relation("information_schema", "columns");
        info.rows(other).forEachRemaining(r -> {
            if (r[2].equals("g")) {
                columns.add(r);
            }
        });
        assertThat(columns).hasSize(2);
        int identity = info.columns().indexOf(new SystemColumn("identity_generation", SqlType.VARCHAR));
        assertThat(columns.getFirst()[identity]).isEqualTo("ALWAYS");
        assertThat(columns.getFirst()[4]).as("ordinal_position").isEqualTo(2);
    }
}
