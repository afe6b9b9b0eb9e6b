package io.shale.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HybridLogicalClockTest {

    @Test
    void isMonotonicAndLaysOutMillisAndCounter() {
        long[] wall = {1_000};
        HybridLogicalClock clock = new HybridLogicalClock(() -> wall[0]);
        long first = clock.now();
        assertThat(HybridLogicalClock.physicalMillis(first)).isEqualTo(1_000);
        assertThat(HybridLogicalClock.logical(first)).isZero();
        long second = clock.now();
        assertThat(second).isEqualTo(first + 1);
        wall[0] = 900;
        assertThat(clock.now()).isEqualTo(first + 2);
        wall[0] = 2_000;
        assertThat(clock.now()).isEqualTo(2_000L << HybridLogicalClock.LOGICAL_BITS);
        long remote = (5_000L << HybridLogicalClock.LOGICAL_BITS) + 7;
        assertThat(clock.update(remote)).isEqualTo(remote);
        assertThat(clock.update(first)).isEqualTo(remote + 1);
        assertThat(clock.now()).isEqualTo(remote + 2);
        assertThat(clock.current()).isEqualTo(remote + 2);
    }

    @Test
    void staysStrictlyMonotonicUnderConcurrentUse() throws Exception {
        HybridLogicalClock clock = new HybridLogicalClock();
        long[][] seen = new long[2][10_000];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            long[] mine = seen[t];
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < mine.length; i++) {
                    mine[i] = clock.now();
                }
            });
        }
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        Set<Long> all = new HashSet<>();
        for (long[] mine : seen) {
            for (int i = 1; i < mine.length; i++) {
                assertThat(mine[i]).isGreaterThan(mine[i - 1]);
            }
            for (long timestamp : mine) {
                all.add(timestamp);
            }
        }
        assertThat(all).hasSize(20_000);
    }
}
