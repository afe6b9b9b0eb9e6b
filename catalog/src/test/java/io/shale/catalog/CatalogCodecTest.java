package io.shale.catalog;

import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogCodecTest {

    @Test
    void bootstrapRoundTrips() {
        assertSameCatalog(CatalogCodec.decode(CatalogCodec.encode(Catalog.bootstrap())), Catalog.bootstrap());
    }

    @Property(tries = 200)
    void randomCatalogsRoundTrip(@ForAll long seed) {
        Catalog catalog = randomCatalog(new Random(seed));
        byte[] bytes = CatalogCodec.encode(catalog);
        Catalog decoded = CatalogCodec.decode(bytes);
        assertSameCatalog(decoded, catalog);
        assertThat(CatalogCodec.encode(decoded)).as("seed %d", seed).isEqualTo(bytes);
    }

    @Property(tries = 100)
    void anyChangedByteIsDetected(@ForAll long seed) {
        Random random = new Random(seed);
        byte[] bytes = CatalogCodec.encode(randomCatalog(random));
        int position = random.nextInt(bytes.length);
        bytes[position] ^= (byte) (1 + random.nextInt(255));
        assertThatThrownBy(() -> CatalogCodec.decode(bytes)).as("seed %d, byte %d", seed, position)
                .isInstanceOf(ShaleException.class).hasMessageContaining("catalog record");
    }

    @Test
    void anotherFormatVersionIsRefused() {
        byte[] bytes = CatalogCodec.encode(Catalog.bootstrap());
        bytes[5] = 9;
        assertThatThrownBy(() -> CatalogCodec.decode(bytes)).hasMessageContaining("format version 9");
    }

    /** Compares every part of two catalogs (Catalog and DatabaseCatalog are not records). */
    static void assertSameCatalog(Catalog actual, Catalog expected) {
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.nextOid()).isEqualTo(expected.nextOid());
        assertThat(actual.nextStorageId()).isEqualTo(expected.nextStorageId());
        assertThat(actual.roles()).containsExactlyInAnyOrderElementsOf(expected.roles());
        assertThat(actual.memberships()).containsExactlyElementsOf(expected.memberships());
        assertThat(actual.databases()).containsExactlyInAnyOrderElementsOf(expected.databases());
        for (Database d : expected.databases()) {
            DatabaseCatalog a = actual.objects(d.oid());
            DatabaseCatalog e = expected.objects(d.oid());
            assertThat(a.namespaces()).containsExactlyInAnyOrderElementsOf(e.namespaces());
            assertThat(a.relations()).containsExactlyInAnyOrderElementsOf(e.relations());
            assertThat(a.constraints()).containsExactlyInAnyOrderElementsOf(e.constraints());
            assertThat(a.enumTypes()).containsExactlyInAnyOrderElementsOf(e.enumTypes());
            assertThat(a.comments()).containsExactlyElementsOf(e.comments());
        }
    }

    private static Catalog randomCatalog(Random random) {
        CatalogEditor editor = Catalog.bootstrap().edit();
        List<Integer> roles = new ArrayList<>(List.of(Catalog.BOOTSTRAP_SUPERUSER));
        for (int i = random.nextInt(4); i > 0; i--) {
            int oid = editor.newOid();
            editor.putRole(new Role(oid, text(random), random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                    random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                    random.nextInt(10) - 1, random.nextBoolean() ? null : "SCRAM-SHA-256$" + text(random),
                    random.nextBoolean() ? null : "2030-01-01 00:00:00+00"));
            roles.add(oid);
        }
        if (roles.size() > 1) {
            editor.addMembership(new RoleMembership(roles.get(1), roles.getLast(), Catalog.BOOTSTRAP_SUPERUSER,
                    random.nextBoolean()));
        }
        int db = 5;
        if (random.nextBoolean()) {
            db = editor.newOid();
            editor.createDatabase(new Database(db, text(random), roles.getLast(), true, -1, false), 1);
        }
        int ns = Catalog.PUBLIC_NAMESPACE;
        if (random.nextBoolean()) {
            ns = editor.newOid();
            editor.putNamespace(db, new Namespace(ns, db, text(random), roles.getFirst()));
        }
        for (int t = random.nextInt(5); t > 0; t--) {
            addTable(editor, random, db, ns);
        }
        if (random.nextBoolean()) {
            editor.putEnumType(db, new EnumType(editor.newOid(), editor.newOid(), ns, text(random), 10,
                    List.of("a", "ü", text(random)), List.of(editor.newOid(), editor.newOid(), editor.newOid())));
        }
        return editor.build();
    }

    private static void addTable(CatalogEditor editor, Random random, int db, int ns) {
        int tableOid = editor.newOid();
        List<Column> columns = new ArrayList<>();
        for (int c = 1 + random.nextInt(5); c > 0; c--) {
            Column column = Column.of(text(random), columns.size() + 1, new SqlType(random.nextInt(4000), random.nextInt(100) - 1))
                    .withNotNull(random.nextBoolean()).withDefault(random.nextBoolean() ? null : "nextval('s'::regclass)");
            columns.add(random.nextInt(6) == 0 ? column.asDropped() : column.withIdentity(random.nextBoolean() ? 'a' : '\0'));
        }
        editor.putRelation(db, new Table(tableOid, ns, text(random), 10, columns, editor.newStorageId(),
                random.nextBoolean() ? "heap" : "columnar", random.nextBoolean() ? Map.of() : Map.of("fillfactor", "70"),
                'p', 'd'));
        int indexOid = editor.newOid();
        editor.putRelation(db, new Index(indexOid, ns, text(random), 10, tableOid,
                List.of(Index.IndexKey.column(1), new Index.IndexKey((short) 0, "lower(x)", true, true)), 1,
                random.nextBoolean(), random.nextBoolean(), random.nextBoolean() ? null : "x > 0", "btree",
                editor.newStorageId()));
        editor.putConstraint(db, new Constraint(editor.newOid(), ns, text(random), 'p', tableOid, List.of((short) 1),
                indexOid, null, 0, List.of(), ' ', ' ', true));
        editor.putConstraint(db, new Constraint(editor.newOid(), ns, text(random), 'f', tableOid, List.of((short) 1),
                0, null, tableOid, List.of((short) 1), 'a', 'c', random.nextBoolean()));
        editor.putRelation(db, new Sequence(editor.newOid(), ns, text(random), 10, SqlType.INT8, random.nextLong(),
                random.nextInt(20) - 10, Long.MIN_VALUE, Long.MAX_VALUE, 1, random.nextBoolean(), tableOid, (short) 1));
        editor.putRelation(db, new View(editor.newOid(), ns, text(random), 10, "SELECT 1 AS a",
                List.of(Column.of("a", 1, SqlType.INT4))));
        editor.setComment(db, new Comment(tableOid, 1259, random.nextInt(2), text(random)));
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            s.append((char) (random.nextInt(8) == 0 ? 0x4e00 + random.nextInt(100) : 'a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
