package io.shale.storage.sstable;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A range set answers membership like the list of ranges it was built from, kept merged. */
class RangeSetTest {

    private static byte[] key(int... bytes) {
        byte[] key = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            key[i] = (byte) bytes[i];
        }
        return key;
    }

    @Test
    void overlappingAndAdjacentRangesMerge() {
        RangeSet set = RangeSet.of(key(1), key(3)).with(key(2), key(5)).with(key(5), key(6)).with(key(8), key(9));
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.start(0)).isEqualTo(key(1));
        assertThat(set.end(0)).isEqualTo(key(6));
        assertThat(set.contains(key(5, 9))).isTrue();
        assertThat(set.contains(key(6))).isFalse();
        assertThat(set.contains(key(0))).isFalse();
        assertThat(set.with(key(7), null).end(1)).isNull();
        assertThat(set.with(key(3), key(3))).isEqualTo(set);
        assertThat(RangeSet.of(null, key(1)).contains(new byte[0])).isTrue();
        assertThat(set.intersects(key(6), key(7, 255))).isFalse();
        assertThat(set.intersects(key(6), key(8))).isTrue();
    }

    @Property(tries = 200)
    void membershipMatchesTheRangesAdded(@ForAll long seed) {
        Random random = new Random(seed);
        List<byte[][]> ranges = new ArrayList<>();
        RangeSet set = RangeSet.empty();
        for (int i = random.nextInt(6); i > 0; i--) {
            byte[] from = random.nextInt(5) == 0 ? null : key(random.nextInt(20));
            byte[] to = random.nextInt(5) == 0 ? null : key(random.nextInt(20));
            ranges.add(new byte[][] {from, to});
            set = set.with(from, to);
        }
        for (int k = 0; k < 21; k++) {
            for (byte[] probe : new byte[][] {key(k), key(k, 0), key(k, 255)}) {
                boolean expected = false;
                for (byte[][] range : ranges) {
                    expected |= (range[0] == null || Arrays.compareUnsigned(range[0], probe) <= 0)
                            && (range[1] == null || Arrays.compareUnsigned(probe, range[1]) < 0);
                }
                assertThat(set.contains(probe)).as("%s in %s", Arrays.toString(probe), set).isEqualTo(expected);
            }
        }
    }
}
