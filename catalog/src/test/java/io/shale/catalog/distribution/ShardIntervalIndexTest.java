package io.shale.catalog.distribution;

import io.shale.common.error.ShaleException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hash → shard over uniform and split layouts (reference/citus.md §3.6). */
@Timeout(10)
class ShardIntervalIndexTest {
    /** Tenant isolation of int8 100 (hash 108199381) out of shard 2 of 4, as in multi_tenant_isolation. */
    private static List<ShardRange> isolatedLayout() {
        return List.of(new ShardRange(Integer.MIN_VALUE, -1073741825), new ShardRange(-1073741824, -1),
                new ShardRange(0, 108199380), new ShardRange(108199381, 108199381),
                new ShardRange(108199382, 1073741823), new ShardRange(1073741824, Integer.MAX_VALUE));
    }

    @Test
    void uniformLayoutUsesTheDivision() {
        ShardIntervalIndex index = new ShardIntervalIndex(ShardRanges.split(32));
        assertThat(index.isUniform()).isTrue();
        assertThat(index.shardIndex(1054520420)).isEqualTo(23);
    }

    @Test
    void isolatedTenantHasItsOwnShard() {
        ShardIntervalIndex index = new ShardIntervalIndex(isolatedLayout());
        assertThat(index.isUniform()).isFalse();
        assertThat(index.shardIndex(HashFunctions.hashInt8(100))).isEqualTo(3);
        assertThat(index.shardIndex(108199380)).isEqualTo(2);
        assertThat(index.shardIndex(108199382)).isEqualTo(4);
        assertThat(index.shardIndex(Integer.MIN_VALUE)).isZero();
        assertThat(index.shardIndex(Integer.MAX_VALUE)).isEqualTo(5);
    }

    @Test
    void holesAndOverlapsFailAsInCitus() {
        ShardIntervalIndex holed = new ShardIntervalIndex(List.of(new ShardRange(0, 10), new ShardRange(20, 30)));
        assertThat(holed.find(15)).isEqualTo(-1);
        assertThatThrownBy(() -> holed.shardIndex(15)).isInstanceOf(ShaleException.class)
                .hasMessage("cannot find shard interval")
                .satisfies(e -> assertThat(((ShaleException) e).detail())
                        .isEqualTo("Hash of the partition column value does not fall into any shards."));
        assertThatThrownBy(() -> new ShardIntervalIndex(List.of(new ShardRange(0, 10), new ShardRange(10, 30))))
                .hasMessage("hash partitioned table has overlapping shards");
    }

    @Property(tries = 300)
    void binarySearchAgreesWithTheDivision(@ForAll int hash, @ForAll @IntRange(min = 2, max = 5000) int shardCount) {
        // Splitting the last shard in two makes the layout non-uniform without moving the others.
        List<ShardRange> ranges = new ArrayList<>(ShardRanges.split(shardCount));
        ShardRange last = ranges.removeLast();
        ranges.add(new ShardRange(last.minValue(), Integer.MAX_VALUE - 1));
        ranges.add(new ShardRange(Integer.MAX_VALUE, Integer.MAX_VALUE));
        ShardIntervalIndex index = new ShardIntervalIndex(ranges);
        int expected = hash == Integer.MAX_VALUE ? shardCount : ShardRanges.shardIndex(hash, shardCount);
        assertThat(index.shardIndex(hash)).isEqualTo(expected);
    }
}
