package io.shale.catalog.distribution;

import io.shale.common.error.ShaleException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The uniform split and lookup of reference/citus.md §3.5–§3.6, and the seed's pg_dist_shard rows. */
@Timeout(10)
class ShardRangesTest {
    private static List<String> texts(int shardCount) {
        return ShardRanges.split(shardCount).stream().map(r -> "[" + r.minText() + "," + r.maxText() + "]").toList();
    }

    @Test
    void referenceSplits() {
        assertThat(texts(4)).containsExactly("[-2147483648,-1073741825]", "[-1073741824,-1]", "[0,1073741823]",
                "[1073741824,2147483647]");
        assertThat(texts(3)).containsExactly("[-2147483648,-715827884]", "[-715827883,715827881]",
                "[715827882,2147483647]");
        assertThat(texts(6)).containsExactly("[-2147483648,-1431655767]", "[-1431655766,-715827885]",
                "[-715827884,-3]", "[-2,715827879]", "[715827880,1431655761]", "[1431655762,2147483647]");
        assertThat(texts(7).get(6)).isEqualTo("[1533916888,2147483647]");
        List<String> n32 = texts(32);
        assertThat(n32).hasSize(32);
        assertThat(n32.subList(0, 3)).containsExactly("[-2147483648,-2013265921]", "[-2013265920,-1879048193]",
                "[-1879048192,-1744830465]");
        assertThat(n32.get(16)).isEqualTo("[0,134217727]");
        assertThat(n32.get(31)).isEqualTo("[2013265920,2147483647]");
        assertThat(texts(1)).containsExactly("[-2147483648,2147483647]");
    }

    @Test
    void seedPgDistShardRowsOfGithubEvents() {
        // seeds/002: github_events, 32 shards from 102008; shards 102026..102029 (indexes 18..21).
        long[][] rows = {{102026, 268435456, 402653183}, {102027, 402653184, 536870911},
                {102028, 536870912, 671088639}, {102029, 671088640, 805306367}};
        for (long[] row : rows) {
            int index = (int) (row[0] - ShardNames.FIRST_SHARD_ID);
            assertThat(ShardRanges.range(index, 32)).isEqualTo(new ShardRange((int) row[1], (int) row[2]));
            assertThat(ShardNames.shardName("github_events", row[0])).isEqualTo("github_events_" + row[0]);
        }
    }

    @Test
    void referenceLookups() {
        int[][] cases = {{-1905060026, 0, 1, 0}, {-272711505, 1, 13, 1}, {-205084363, 1, 14, 1},
                {108199381, 2, 16, 1}, {1054520420, 2, 23, 2}, {1075015857, 3, 24, 2}};
        for (int[] c : cases) {
            assertThat(ShardRanges.shardIndex(c[0], 4)).isEqualTo(c[1]);
            assertThat(ShardRanges.shardIndex(c[0], 32)).isEqualTo(c[2]);
            assertThat(ShardRanges.shardIndex(c[0], 3)).isEqualTo(c[3]);
        }
        assertThat(ShardRanges.shardIndex(HashFunctions.hashText("tenant_1"), 32)).isEqualTo(23);
        assertThat(ShardRanges.shardIndex(Integer.MAX_VALUE, 7)).isEqualTo(6);
        assertThat(ShardRanges.shardIndex(Integer.MIN_VALUE, 7)).isZero();
    }

    @Test
    void shardCountOutsideOneTo64000IsRefused() {
        assertThatThrownBy(() -> ShardRanges.split(0)).isInstanceOf(ShaleException.class)
                .hasMessage("0 is outside the valid range for parameter \"shard_count\" (1 .. 64000)");
        assertThatThrownBy(() -> ShardRanges.split(64001)).isInstanceOf(ShaleException.class);
        assertThat(ShardRanges.split(64000)).hasSize(64000);
    }

    @Property(tries = 300)
    void rangesTileTheHashSpace(@ForAll @IntRange(min = 1, max = 64000) int shardCount) {
        assertThat(ShardRanges.minValue(0, shardCount)).isEqualTo(Integer.MIN_VALUE);
        assertThat(ShardRanges.maxValue(shardCount - 1, shardCount)).isEqualTo(Integer.MAX_VALUE);
        for (int i = 1; i < shardCount; i++) {
            assertThat((long) ShardRanges.minValue(i, shardCount))
                    .isEqualTo(ShardRanges.maxValue(i - 1, shardCount) + 1L);
        }
    }

    @Property(tries = 2000)
    void lookupFindsTheRangeHoldingTheHash(@ForAll int hash, @ForAll @IntRange(min = 1, max = 64000) int shardCount) {
        int index = ShardRanges.shardIndex(hash, shardCount);
        assertThat(ShardRanges.range(index, shardCount).contains(hash)).isTrue();
    }
}
