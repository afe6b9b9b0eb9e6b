package io.shale.catalog;

import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.ColocationGroup;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
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

    /** A catalog written by the build before distribution metadata (format 1): bootstrap plus schema {@code app}. */
    private static final String VERSION_1_CATALOG = "5348435400010482800202021412706f737467726573010101010101010100"
            + "000006021474656d706c6174653114010101081474656d706c61746530140001010a12706f7374677265731401010006020816"
            + "021670675f636174616c6f6714c601021270675f746f61737414b022020e7075626c696314fecd010226696e666f726d617469"
            + "6f6e5f736368656d611400000000080816081670675f636174616c6f6714c601081270675f746f61737414b022080e7075626c"
            + "696314fecd010826696e666f726d6174696f6e5f736368656d6114000000000a0a160a1670675f636174616c6f6714c6010a12"
            + "70675f746f61737414b0220a0e7075626c696314fecd010a26696e666f726d6174696f6e5f736368656d61148080020a086170"
            + "701400000000d72b488d";

    @Test
    void aVersion1CatalogDecodesWithoutDistributionMetadata() {
        Catalog old = CatalogCodec.decode(HexFormat.of().parseHex(VERSION_1_CATALOG));
        assertThat(old.objects(5).namespace("app")).isNotNull();
        assertThat(old.nodes()).isEmpty();
        assertThat(old.nextNodeId()).isEqualTo(1);
        assertThat(old.objects(5).distributedTables()).isEmpty();
        assertThat(old.objects(5).nextShardId()).isEqualTo(102008);
        assertThat(old.objects(5).nextColocationId()).isEqualTo(1);
        Catalog again = CatalogCodec.decode(CatalogCodec.encode(old));
        assertSameCatalog(again, old);
    }

    /** A catalog written by the build before ACLs (format 2): bootstrap plus schema {@code app}. */
    private static final String VERSION_2_CATALOG = "5348435400020482800202021412706f737467726573010101010101010100"
            + "000006021474656d706c6174653114010101081474656d706c61746530140001010a12706f73746772657314010100060208"
            + "16021670675f636174616c6f6714c601021270675f746f61737414b022020e7075626c696314fecd010226696e666f726d61"
            + "74696f6e5f736368656d611400000000f0b90c02020000000000080816081670675f636174616c6f6714c601081270675f74"
            + "6f61737414b022080e7075626c696314fecd010826696e666f726d6174696f6e5f736368656d611400000000f0b90c020200"
            + "000000000a0a160a1670675f636174616c6f6714c6010a1270675f746f61737414b0220a0e7075626c696314fecd010a2669"
            + "6e666f726d6174696f6e5f736368656d61148080020a086170701400000000f0b90c020200000000000202001fd97b89";

    @Test
    void aVersion2CatalogDecodesWithDefaultAcls() {
        Catalog old = CatalogCodec.decode(HexFormat.of().parseHex(VERSION_2_CATALOG));
        int app = old.objects(5).namespace("app").oid();
        assertThat(old.objects(5).acl(app)).isNull();
        assertThat(old.databaseAcl(5)).isNull();
        assertThat(old.objects(5).defaultAcls()).isEmpty();
        assertThat(old.objects(5).rebalanceStrategies()).extracting(s -> s.name())
                .containsExactly("by_shard_count", "by_disk_size");
        assertSameCatalog(CatalogCodec.decode(CatalogCodec.encode(old)), old);
    }

    @Test
    void droppingAnObjectDropsItsAcl() {
        CatalogEditor editor = Catalog.bootstrap().edit();
        Acl acl = new Acl(List.of(new AclItem(0, 10, Privilege.SELECT.bit(), 0)));
        int ns = editor.newOid();
        editor.putNamespace(5, new Namespace(ns, 5, "s", 10));
        editor.setAcl(5, ns, acl);
        editor.putDefaultAcl(5, new DefaultAcl(editor.newOid(), 10, ns, 'r', acl));
        editor.setDatabaseAcl(5, acl);
        Catalog catalog = editor.build();
        assertThat(catalog.objects(5).acl(ns)).isEqualTo(acl);
        editor = catalog.edit();
        editor.dropNamespace(5, ns);
        editor.dropDatabase(5);
        editor.createDatabase(new Database(5, "postgres", 10, true, -1, false));
        catalog = editor.build();
        assertThat(catalog.objects(5).acl(ns)).isNull();
        assertThat(catalog.objects(5).defaultAcls()).isEmpty();
        assertThat(catalog.databaseAcl(5)).isNull();
    }

    @Test
    void distributionMetadataLookUps() {
        CatalogEditor editor = Catalog.bootstrap().edit();
        editor.putNode(new ClusterNode(editor.allocateNodeId(), 0, "localhost", 5432, "default", true, true,
                "primary", "default", true, true));
        long first = editor.allocateShardId(5);
        long second = editor.allocateShardId(5);
        editor.putDistributedTable(5, new DistributedTable(16400, 'h', 1, editor.allocateColocationId(5), 's', false));
        editor.putShard(5, new Shard(second, 16400, 16402, 't', "0", "2147483647"));
        editor.putShard(5, new Shard(first, 16400, 16401, 't', "-2147483648", "-1"));
        editor.putPlacement(5, new ShardPlacement(editor.allocatePlacementId(5), first, 0, 1, 0));
        Table shardTable = new Table(16401, Catalog.PUBLIC_NAMESPACE, "t_102008", 10, List.of(Column.of("id", 1,
                SqlType.INT4)), editor.newStorageId(), "heap", Map.of(), 'p', 'd');
        Table otherShard = shardTable.withName("t_102009");
        otherShard = new Table(16402, otherShard.namespaceOid(), otherShard.name(), 10, otherShard.columns(),
                editor.newStorageId(), "heap", Map.of(), 'p', 'd');
        Index shardIndex = new Index(16403, Catalog.PUBLIC_NAMESPACE, "t_pkey_102008", 10, 16401,
                List.of(Index.IndexKey.column(1)), 1, true, true, null, "btree", editor.newStorageId());
        editor.putRelation(5, shardTable);
        editor.putRelation(5, otherShard);
        editor.putRelation(5, shardIndex);
        Catalog catalog = editor.build();
        DatabaseCatalog db = catalog.objects(5);
        assertThat(db.resolvableOn(shardTable, 0)).isTrue();
        assertThat(db.resolvableOn(shardIndex, 0)).isTrue();
        assertThat(db.resolvableOn(shardTable, 1)).isFalse();
        assertThat(db.resolvableOn(shardIndex, 1)).isFalse();
        assertThat(db.resolvableOn(otherShard, 0)).isFalse();
        assertThat(first).isEqualTo(102008);
        assertThat(db.shards(16400)).extracting(Shard::shardId).containsExactly(102008L, 102009L);
        assertThat(db.shardOfRelation(16402).shardId()).isEqualTo(102009);
        assertThat(db.placements(first)).hasSize(1);
        assertThat(db.hasPlacement(first, 0)).isTrue();
        assertThat(db.hasPlacement(second, 0)).isFalse();
        assertThat(db.distributedTable(16400).colocationId()).isEqualTo(1);
        assertThat(db.nextShardId()).isEqualTo(102010);
        assertThat(catalog.nodeOfGroup(0).nodeName()).isEqualTo("localhost");
        assertThat(catalog.nextNodeId()).isEqualTo(2);
        editor = catalog.edit();
        editor.removeShard(5, first);
        assertThat(editor.build().objects(5).placements(first)).isEmpty();
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
            assertThat(a.distributedTables()).containsExactlyElementsOf(e.distributedTables());
            assertThat(a.allShards()).containsExactlyInAnyOrderElementsOf(e.allShards());
            assertThat(a.allPlacements()).containsExactlyInAnyOrderElementsOf(e.allPlacements());
            assertThat(a.colocationGroups()).containsExactlyElementsOf(e.colocationGroups());
            assertThat(a.distributedSchemas()).containsExactlyElementsOf(e.distributedSchemas());
            assertThat(a.rebalanceStrategies()).containsExactlyElementsOf(e.rebalanceStrategies());
            assertThat(a.nextShardId()).isEqualTo(e.nextShardId());
            assertThat(a.nextPlacementId()).isEqualTo(e.nextPlacementId());
            assertThat(a.nextColocationId()).isEqualTo(e.nextColocationId());
            assertThat(a.defaultAcls()).containsExactlyElementsOf(e.defaultAcls());
            for (Relation r : e.relations()) {
                assertThat(a.acl(r.oid())).isEqualTo(e.acl(r.oid()));
            }
            for (Namespace n : e.namespaces()) {
                assertThat(a.acl(n.oid())).isEqualTo(e.acl(n.oid()));
            }
            assertThat(actual.databaseAcl(d.oid())).isEqualTo(expected.databaseAcl(d.oid()));
        }
        assertThat(actual.nodes()).containsExactlyElementsOf(expected.nodes());
        assertThat(actual.nextNodeId()).isEqualTo(expected.nextNodeId());
        assertThat(actual.nextGroupId()).isEqualTo(expected.nextGroupId());
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
        addDistribution(editor, random, db);
        addAcls(editor, random, db, ns, roles);
        return editor.build();
    }

    private static void addAcls(CatalogEditor editor, Random random, int db, int ns, List<Integer> roles) {
        for (Relation r : editor.objects(db).relations()) {
            if (random.nextBoolean()) {
                editor.setAcl(db, r.oid(), randomAcl(random, roles));
            }
        }
        if (random.nextBoolean()) {
            editor.setAcl(db, ns, randomAcl(random, roles));
        }
        if (random.nextBoolean()) {
            editor.setDatabaseAcl(db, randomAcl(random, roles));
        }
        if (random.nextBoolean()) {
            editor.putDefaultAcl(db, new DefaultAcl(editor.newOid(), roles.getLast(), random.nextBoolean() ? 0 : ns,
                    "rSfn".charAt(random.nextInt(4)), randomAcl(random, roles)));
        }
    }

    private static Acl randomAcl(Random random, List<Integer> roles) {
        List<AclItem> items = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            int privileges = random.nextInt(1 << 12);
            items.add(new AclItem(random.nextInt(3) == 0 ? 0 : roles.get(random.nextInt(roles.size())),
                    roles.get(random.nextInt(roles.size())), privileges, privileges & random.nextInt(1 << 12)));
        }
        return new Acl(items);
    }

    private static void addDistribution(CatalogEditor editor, Random random, int db) {
        for (int n = random.nextInt(4); n > 0; n--) {
            int group = n == 1 ? 0 : editor.allocateGroupId();
            editor.putNode(new ClusterNode(editor.allocateNodeId(), group, text(random), 1 + random.nextInt(65535),
                    "default", random.nextBoolean(), random.nextBoolean(), random.nextBoolean() ? "primary" : "secondary",
                    "default", random.nextBoolean(), random.nextBoolean()));
        }
        for (int t = random.nextInt(3); t > 0; t--) {
            int relation = editor.newOid();
            int colocation = editor.allocateColocationId(db);
            int shardCount = 1 + random.nextInt(4);
            editor.putColocationGroup(db, new ColocationGroup(colocation, shardCount, random.nextInt(3) - 1,
                    random.nextBoolean() ? 23 : 0, random.nextBoolean() ? 100 : 0));
            editor.putDistributedTable(db, new DistributedTable(relation, random.nextBoolean() ? 'h' : 'n',
                    random.nextInt(3), colocation, random.nextBoolean() ? 's' : 't', random.nextBoolean()));
            for (int s = 0; s < shardCount; s++) {
                long shardId = editor.allocateShardId(db);
                boolean bounded = random.nextBoolean();
                editor.putShard(db, new Shard(shardId, relation, editor.newOid(), 't',
                        bounded ? Integer.toString(random.nextInt()) : null, bounded ? "2147483647" : null));
                for (int p = random.nextInt(3); p > 0; p--) {
                    editor.putPlacement(db, new ShardPlacement(editor.allocatePlacementId(db), shardId,
                            random.nextInt(4), 1, random.nextInt(1000)));
                }
            }
        }
        if (random.nextBoolean()) {
            editor.putDistributedSchema(db, new DistributedSchema(editor.newOid(), editor.allocateColocationId(db)));
        }
        if (random.nextBoolean()) {
            List<io.shale.catalog.distribution.RebalanceStrategy> rows = new java.util.ArrayList<>(
                    io.shale.catalog.distribution.RebalanceStrategy.BUILT_IN);
            rows.add(new io.shale.catalog.distribution.RebalanceStrategy(text(random), random.nextBoolean(),
                    "citus_shard_cost_1", "citus_node_capacity_1", "citus_shard_allowed_on_node_true",
                    random.nextFloat(), random.nextFloat(), random.nextFloat()));
            editor.putRebalanceStrategies(db, rows);
        }
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
