package io.shale.engine;

import io.shale.engine.session.Notice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-based sharding on one node ({@code reference/citus.md} §6): tenant schemas, their tables as
 * single-shard tables of the schema's group, citus_schema_distribute / undistribute, Citus's refusals.
 */
class SchemaShardingTest extends DistributionTestBase {
    @Test
    void createSchemaWithTheSettingMakesATenantSchema() {
        sql.execute("SET citus.enable_schema_based_sharding TO on");
        sql.execute("CREATE SCHEMA tenant_1");
        sql.execute("CREATE SCHEMA tenant_2");
        sql.execute("CREATE TABLE tenant_1.t (a int, b text)");
        sql.execute("SET citus.enable_schema_based_sharding TO off");
        sql.execute("CREATE TABLE tenant_2.u (a int)");
        sql.execute("CREATE SCHEMA regular");
        sql.execute("CREATE TABLE regular.r (a int)");
        assertThat(sql.query("SELECT schemaid::regnamespace, colocationid FROM pg_dist_schema ORDER BY 2"))
                .containsExactly(List.of("tenant_1", "1"), List.of("tenant_2", "2"));
        assertThat(sql.query("SELECT * FROM pg_dist_colocation ORDER BY 1"))
                .containsExactly(List.of("1", "1", "1", "0", "0"), List.of("2", "1", "1", "0", "0"));
        assertThat(sql.query("SELECT logicalrelid, partmethod, partkey, colocationid, repmodel FROM pg_dist_partition"
                + " ORDER BY 1")).containsExactly(List.of("tenant_1.t", "n", "null", "1", "s"),
                List.of("tenant_2.u", "n", "null", "2", "s"));
        assertThat(sql.query("SELECT shardminvalue, shardmaxvalue FROM pg_dist_shard"))
                .containsExactly(List.of("null", "null"), List.of("null", "null"));
        assertThat(sql.query("SELECT table_name, citus_table_type, distribution_column, colocation_id"
                + " FROM citus_tables ORDER BY 1")).containsExactly(List.of("tenant_1.t", "schema", "<none>", "1"),
                List.of("tenant_2.u", "schema", "<none>", "2"));
        assertThat(sql.query("SELECT schema_name, colocation_id, schema_size, schema_owner FROM citus_schemas"))
                .containsExactly(List.of("tenant_1", "1", "0 bytes", "postgres"),
                        List.of("tenant_2", "2", "0 bytes", "postgres"));
        sql.execute("INSERT INTO tenant_1.t VALUES (1, 'x'), (2, 'y')");
        assertThat(sql.value("SELECT count(*) FROM tenant_1.t JOIN tenant_1.t t2 USING (a)")).isEqualTo("2");
    }

    @Test
    void schemaElementsAreRefusedWithTheSetting() {
        sql.execute("SET citus.enable_schema_based_sharding TO on");
        assertThat(sql.error("CREATE SCHEMA s CREATE TABLE t (a int)"))
                .isEqualTo("0A000: cannot create distributed schema and table in a single statement");
        sql.execute("CREATE SCHEMA public2");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_schema")).isEqualTo("1");
    }

    @Test
    void tenantTablesRefuseCitusFunctions() {
        sql.execute("SET citus.enable_schema_based_sharding TO on");
        sql.execute("CREATE SCHEMA tenant_5");
        sql.execute("CREATE TABLE tenant_5.tbl_2 (a int)");
        sql.execute("SET citus.enable_schema_based_sharding TO off");
        assertThat(sql.error("SELECT create_distributed_table('tenant_5.tbl_2', 'a')"))
                .isEqualTo("42P16: table \"tbl_2\" is already distributed");
        assertThat(sql.error("SELECT create_reference_table('tenant_5.tbl_2')"))
                .isEqualTo("42P16: table \"tbl_2\" is already distributed");
        assertThat(sql.error("SELECT undistribute_table('tenant_5.tbl_2')")).isEqualTo(
                "0A000: tenant_5.tbl_2 is not allowed for undistribute_table because it belongs to a distributed schema");
        sql.execute("CREATE TABLE null_shard_key_1 (a int)");
        assertThat(sql.error("SELECT create_distributed_table('null_shard_key_1', null, colocate_with => 'tenant_5.tbl_2')"))
                .isEqualTo("22023: cannot colocate tables tbl_2 and null_shard_key_1");
        sql.execute("SET citus.shard_replication_factor TO 2");
        assertThat(sql.error("CREATE TABLE tenant_5.tbl_3 (a int)")).isEqualTo("22023: could not create single shard "
                + "table: citus.shard_replication_factor is greater than 1");
    }

    @Test
    void distributeAndUndistributeKeepRows() {
        sql.execute("CREATE SCHEMA s");
        sql.execute("CREATE TABLE s.a (id int PRIMARY KEY, v text)");
        sql.execute("CREATE TABLE s.b (id int REFERENCES s.a (id), w text)");
        sql.execute("INSERT INTO s.a VALUES (1, 'one'), (2, 'two')");
        sql.execute("INSERT INTO s.b VALUES (1, 'x')");
        sql.notices.clear();
        sql.execute("SELECT citus_schema_distribute('s')");
        assertThat(sql.notices).extracting(Notice::message).startsWith("distributing the schema s");
        assertThat(sql.query("SELECT logicalrelid, colocationid FROM pg_dist_partition ORDER BY 1"))
                .containsExactly(List.of("s.a", "1"), List.of("s.b", "1"));
        assertThat(sql.query("SELECT a.v, b.w FROM s.a JOIN s.b USING (id)")).containsExactly(List.of("one", "x"));
        sql.notices.clear();
        sql.execute("SELECT citus_schema_distribute('s')");
        assertThat(sql.notices).extracting(Notice::message).containsExactly("schema s is already distributed");
        sql.execute("SELECT citus_schema_undistribute('s')");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_partition")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_schema")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_colocation")).isEqualTo("0");
        assertThat(sql.query("SELECT a.v, b.w FROM s.a JOIN s.b USING (id)")).containsExactly(List.of("one", "x"));
        assertThat(sql.error("SELECT citus_schema_undistribute('s')")).isEqualTo("22023: schema s is not distributed");
        assertThat(sql.error("SELECT citus_schema_distribute('public')"))
                .isEqualTo("0A000: public schema cannot be distributed");
        assertThat(sql.error("SELECT citus_schema_distribute('pg_catalog')"))
                .isEqualTo("0A000: pg_catalog schema cannot be distributed");
        sql.execute("CREATE TABLE s.c (id int)");
        sql.execute("SELECT create_reference_table('s.c')");
        assertThat(sql.error("SELECT citus_schema_distribute('s')"))
                .isEqualTo("0A000: distributed schema cannot have distributed tables");
    }

    @Test
    void dropSchemaCascadeCleansTheMetadataAndDropTableKeepsTheGroup() {
        sql.execute("SET citus.enable_schema_based_sharding TO on");
        sql.execute("CREATE SCHEMA t1");
        sql.execute("CREATE TABLE t1.x (a int)");
        sql.execute("DROP TABLE t1.x");
        assertThat(sql.query("SELECT colocationid FROM pg_dist_colocation")).containsExactly(List.of("1"));
        sql.execute("CREATE TABLE t1.y (a serial PRIMARY KEY, b text)");
        sql.execute("INSERT INTO t1.y (b) VALUES ('q')");
        sql.execute("ALTER SCHEMA t1 RENAME TO t2");
        assertThat(sql.query("SELECT schemaid::regnamespace FROM pg_dist_schema")).containsExactly(List.of("t2"));
        assertThat(sql.query("SELECT a, b FROM t2.y")).containsExactly(List.of("1", "q"));
        sql.execute("DROP SCHEMA t2 CASCADE");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_schema")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_colocation")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_shard")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_placement")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_partition")).isEqualTo("0");
    }

    @Test
    void createTableAsCopiesRowsWithCitusNotices() {
        sql.execute("SET citus.enable_schema_based_sharding TO on");
        sql.execute("CREATE SCHEMA tenant_4");
        sql.notices.clear();
        sql.execute("CREATE TABLE tenant_4.tbl_3 AS SELECT 1 AS a, 'text' AS b");
        assertThat(sql.notices).extracting(Notice::message).containsExactly("Copying data from local table...",
                "copying the data has completed");
        assertThat(sql.query("SELECT a, b FROM tenant_4.tbl_3")).containsExactly(List.of("1", "text"));
    }

    @Test
    void foreignKeysStayInsideTheSchemaOrPointAtReferenceTables() {
        sql.execute("CREATE TABLE reference_table (a int PRIMARY KEY)");
        sql.execute("SELECT create_reference_table('reference_table')");
        sql.execute("CREATE TABLE local_table (a int PRIMARY KEY)");
        sql.execute("SET citus.enable_schema_based_sharding TO on");
        sql.execute("CREATE SCHEMA tenant_7");
        sql.execute("CREATE SCHEMA tenant_5");
        sql.execute("CREATE TABLE tenant_7.tbl_3 (a int PRIMARY KEY)");
        sql.execute("CREATE TABLE tenant_7.tbl_4 (a int REFERENCES reference_table, "
                + "FOREIGN KEY (a) REFERENCES tenant_7.tbl_3 (a) ON DELETE CASCADE)");
        assertThat(sql.error("CREATE TABLE tenant_5.tbl_5 (a int, b text, FOREIGN KEY (a) REFERENCES tenant_7.tbl_3 (a))"))
                .isEqualTo("0A000: cannot create foreign key constraint since relations are not colocated or not "
                        + "referencing a reference table");
        assertThat(sql.error("CREATE TABLE tenant_5.tbl_6 (a int REFERENCES local_table)"))
                .isEqualTo("0A000: referenced table \"local_table\" must be a distributed table or a reference table");
        assertThat(sql.error("CREATE TABLE regular (a int REFERENCES tenant_7.tbl_3)"))
                .isEqualTo("0A000: cannot create foreign keys to tables in a distributed schema from another schema");
        sql.execute("CREATE TABLE single (a int PRIMARY KEY)");
        sql.execute("SELECT create_distributed_table('single', NULL)");
        assertThat(sql.error("CREATE TABLE tenant_5.tbl_7 (a int REFERENCES single)")).isEqualTo("0A000: foreign keys "
                + "from distributed schemas can only point to the same distributed schema or reference tables in "
                + "regular schemas");
        sql.execute("INSERT INTO reference_table VALUES (1)");
        sql.execute("INSERT INTO tenant_7.tbl_3 VALUES (1)");
        sql.execute("INSERT INTO tenant_7.tbl_4 VALUES (1)");
        assertThat(sql.value("SELECT count(*) FROM tenant_7.tbl_4 JOIN reference_table USING (a)")).isEqualTo("1");
    }

    @Test
    void serialDefaultsNameTheirSequenceWhateverTheSearchPath() {
        sql.execute("CREATE SCHEMA userservice");
        sql.execute("SET search_path TO userservice, public");
        sql.execute("CREATE TABLE users (id serial PRIMARY KEY, name text)");
        sql.execute("CREATE TABLE pub (id serial)");
        sql.execute("RESET search_path");
        sql.execute("SELECT citus_schema_distribute('userservice')");
        sql.execute("INSERT INTO userservice.users (name) VALUES ('a')");
        assertThat(sql.query("SELECT id, name FROM userservice.users")).containsExactly(List.of("1", "a"));
        assertThat(sql.value("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'userservice.users'::regclass"))
                .isEqualTo("nextval('userservice.users_id_seq'::regclass)");
        sql.execute("CREATE TABLE p (id serial)");
        assertThat(sql.value("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'p'::regclass"))
                .isEqualTo("nextval('p_id_seq'::regclass)");
        sql.execute("ALTER SCHEMA userservice RENAME TO us");
        sql.execute("INSERT INTO us.users (name) VALUES ('b')");
        assertThat(sql.value("SELECT max(id) FROM us.users")).isEqualTo("2");
        assertThat(sql.error("DROP SEQUENCE us.users_id_seq")).startsWith("2BP01");
    }

    @Test
    void setSchemaMovesTablesInAndOut() {
        sql.execute("CREATE TABLE reference_table (a int PRIMARY KEY)");
        sql.execute("SELECT create_reference_table('reference_table')");
        sql.execute("SET citus.enable_schema_based_sharding TO on");
        sql.execute("CREATE SCHEMA tenant_2");
        sql.execute("CREATE TABLE tenant_2.anchor (a int PRIMARY KEY)");
        sql.execute("SET citus.enable_schema_based_sharding TO off");
        sql.execute("CREATE SCHEMA regular_schema");
        sql.execute("CREATE TABLE regular_schema.test_table3 (a int, b text)");
        sql.execute("INSERT INTO regular_schema.test_table3 VALUES (1, 'x'), (2, 'y')");
        sql.notices.clear();
        sql.execute("ALTER TABLE regular_schema.test_table3 SET SCHEMA tenant_2");
        assertThat(sql.notices).extracting(Notice::message).startsWith(
                "Moving test_table3 into distributed schema tenant_2", "Copying data from local table...");
        assertThat(sql.query("SELECT logicalrelid, colocationid FROM pg_dist_partition ORDER BY 1"))
                .contains(List.of("tenant_2.test_table3", "2"));
        assertThat(sql.value("SELECT count(*) FROM tenant_2.test_table3 JOIN tenant_2.anchor USING (a)")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM tenant_2.test_table3")).isEqualTo("2");
        sql.notices.clear();
        sql.execute("ALTER TABLE tenant_2.test_table3 SET SCHEMA regular_schema");
        assertThat(sql.notices).extracting(Notice::message).containsExactly(
                "undistributing table test_table3 in distributed schema tenant_2 before altering its schema");
        assertThat(sql.value("SELECT count(*) FROM regular_schema.test_table3")).isEqualTo("2");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text LIKE '%test_table3'"))
                .isEqualTo("0");
        sql.execute("CREATE TABLE tenant_2.child (a int REFERENCES tenant_2.anchor (a))");
        assertThat(sql.error("ALTER TABLE tenant_2.child SET SCHEMA regular_schema"))
                .isEqualTo("0A000: set schema is not allowed for table child in distributed schema tenant_2");
        sql.execute("CREATE TABLE regular_schema.h (a int)");
        sql.execute("SELECT create_distributed_table('regular_schema.h', 'a')");
        assertThat(sql.error("ALTER TABLE regular_schema.h SET SCHEMA tenant_2"))
                .isEqualTo("0A000: distributed schema cannot have distributed tables");
        assertThat(sql.error("CREATE TABLE tenant_2.inh (b int) INHERITS (tenant_2.anchor)"))
                .isEqualTo("0A000: tables in a distributed schema cannot inherit or be inherited");
    }
}
