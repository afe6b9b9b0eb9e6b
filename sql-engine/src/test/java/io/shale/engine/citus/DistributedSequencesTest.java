package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sequences behind distributed tables' columns take Citus's per-group ranges on workers. */
class DistributedSequencesTest {
    private static final int DB = 5;

    private static DatabaseCatalog catalog(SqlType columnType, boolean distributed) {
        CatalogEditor editor = Catalog.bootstrap().edit();
        int table = editor.newOid();
        int sequence = editor.newOid();
        editor.putRelation(DB, new Table(table, Catalog.PUBLIC_NAMESPACE, "t", 10, List.of(
                Column.of("id", 1, columnType).withDefault("nextval('t_id_seq'::regclass)")), editor.newStorageId(), "heap",
                Map.of(), 'p', 'd'));
        editor.putRelation(DB, new Sequence(sequence, Catalog.PUBLIC_NAMESPACE, "t_id_seq", 10, columnType, 1, 1, 1,
                Long.MAX_VALUE, 1, false, table, (short) 1));
        if (distributed) {
            editor.putDistributedTable(DB, new DistributedTable(table, 'h', 1, 1, 's', false));
        }
        return editor.build().objects(DB);
    }

    private static Sequence sequence(DatabaseCatalog objects) {
        return (Sequence) objects.relation(objects.namespace("public").oid(), "t_id_seq");
    }

    @Test
    void aWorkerTakesItsGroupsRangeOfABigintSequence() {
        DatabaseCatalog objects = catalog(SqlType.INT8, true);
        Sequence onWorker = DistributedSequences.forNode(objects, sequence(objects), 1);
        assertThat(onWorker.start()).isEqualTo(281474976710657L);
        assertThat(onWorker.min()).isEqualTo(281474976710657L);
        assertThat(onWorker.max()).isEqualTo(562949953421313L);
        assertThat(DistributedSequences.forNode(objects, sequence(objects), 0)).isEqualTo(sequence(objects));
    }

    @Test
    void anIntSequenceIsRefusedOnAWorker() {
        DatabaseCatalog objects = catalog(SqlType.INT4, true);
        assertThatThrownBy(() -> DistributedSequences.forNode(objects, sequence(objects), 2))
                .isInstanceOf(ShaleException.class).hasMessage("nextval(sequence) calls in worker nodes are not"
                        + " supported for column defaults of type int or smallint");
        DatabaseCatalog local = catalog(SqlType.INT4, false);
        assertThat(DistributedSequences.forNode(local, sequence(local), 2)).isEqualTo(sequence(local));
    }
}
