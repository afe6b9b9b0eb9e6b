package io.shale.catalog;

import io.shale.common.types.SqlType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {

    @Test
    void bootstrapHasPostgresRoleAndDatabasesWithBuiltInSchemas() {
        Catalog catalog = Catalog.bootstrap();
        assertThat(catalog.role("postgres").superuser()).isTrue();
        Database postgres = catalog.database("postgres");
        assertThat(postgres.oid()).isEqualTo(5);
        DatabaseCatalog objects = catalog.objects(postgres.oid());
        assertThat(objects.namespace("public").oid()).isEqualTo(Catalog.PUBLIC_NAMESPACE);
        assertThat(objects.namespace("pg_catalog").oid()).isEqualTo(Catalog.PG_CATALOG_NAMESPACE);
    }

    @Test
    void editingMakesANewVersionAndLeavesTheOldUntouched() {
        Catalog v1 = Catalog.bootstrap();
        CatalogEditor editor = v1.edit();
        int oid = editor.newOid();
        Table table = new Table(oid, Catalog.PUBLIC_NAMESPACE, "t", Catalog.BOOTSTRAP_SUPERUSER,
                List.of(Column.of("a", 1, SqlType.INT4)), editor.newStorageId(), "heap", Map.of(), 'p', 'd');
        editor.putRelation(5, table);
        Index index = new Index(editor.newOid(), Catalog.PUBLIC_NAMESPACE, "t_pkey", Catalog.BOOTSTRAP_SUPERUSER,
                oid, List.of(Index.IndexKey.column(1)), 1, true, true, null, "btree", editor.newStorageId());
        editor.putRelation(5, index);
        Catalog v2 = editor.build();

        assertThat(v2.version()).isEqualTo(v1.version() + 1);
        assertThat(v2.objects(5).relation(Catalog.PUBLIC_NAMESPACE, "t")).isEqualTo(table);
        assertThat(v2.objects(5).indexesOf(oid)).containsExactly(index);
        assertThat(v1.objects(5).relation(Catalog.PUBLIC_NAMESPACE, "t")).isNull();
        assertThat(oid).isGreaterThanOrEqualTo(Catalog.FIRST_USER_OID);
    }

    @Test
    void newDatabaseFromTemplateIsIndependent() {
        CatalogEditor editor = Catalog.bootstrap().edit();
        int oid = editor.newOid();
        editor.createDatabase(new Database(oid, "citus", Catalog.BOOTSTRAP_SUPERUSER, true, -1, false), 1);
        editor.putNamespace(oid, new Namespace(editor.newOid(), oid, "userservice", Catalog.BOOTSTRAP_SUPERUSER));
        Catalog catalog = editor.build();
        assertThat(catalog.objects(oid).namespace("userservice")).isNotNull();
        assertThat(catalog.objects(1).namespace("userservice")).isNull();
        assertThat(catalog.objects(oid).namespace("public").databaseOid()).isEqualTo(oid);
    }
}
