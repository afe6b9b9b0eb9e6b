package io.shale.cluster.node;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions of {@link StagedCatalogResolver}: publish, abort, or ask again. */
@Timeout(30)
class StagedCatalogResolverTest {
    private static final NodeAddress COORDINATOR = new NodeAddress("127.0.0.1", 5432);

    /** A replica with version 7 staged that records what it is told. */
    private static final class FakeReplica implements CatalogReplica {
        long staged = 7;
        final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public long catalogVersion() {
            return 6;
        }

        @Override
        public byte[] encodedCatalog() {
            return new byte[0];
        }

        @Override
        public void stage(byte[] catalog) {
            calls.add("stage");
        }

        @Override
        public void stageRows(byte[] payload) {
            calls.add("rows");
        }

        @Override
        public synchronized void publish(long version) {
            calls.add("publish " + version);
            staged = -1;
        }

        @Override
        public synchronized long stagedVersion() {
            return staged;
        }

        @Override
        public synchronized void abort(long version) {
            calls.add("abort " + version);
            staged = -1;
        }

        @Override
        public void install(byte[] catalog) {
            calls.add("install");
        }

        @Override
        public void replace(byte[] catalog) {
            calls.add("replace");
        }
    }

    private static List<String> outcome(StagedCatalogResolver.Status status) {
        FakeReplica replica = new FakeReplica();
        List<String> pulls = new ArrayList<>();
        try (StagedCatalogResolver resolver = new StagedCatalogResolver(replica, c -> status,
                c -> pulls.add("pull " + c), Duration.ofHours(1))) {
            resolver.resolve(COORDINATOR, 7, Duration.ofHours(1));
        }
        List<String> all = new ArrayList<>(replica.calls);
        all.addAll(pulls);
        return all;
    }

    @Test
    void theCoordinatorHasTheVersion() {
        assertThat(outcome(new StagedCatalogResolver.Status(7, -1))).containsExactly("publish 7");
    }

    @Test
    void theCoordinatorMovedOn() {
        assertThat(outcome(new StagedCatalogResolver.Status(9, -1))).containsExactly("publish 7", "pull 127.0.0.1:5432");
    }

    @Test
    void theCoordinatorRolledBack() {
        assertThat(outcome(new StagedCatalogResolver.Status(6, -1))).containsExactly("abort 7");
    }

    @Test
    void theCoordinatorIsStillStaging() {
        assertThat(outcome(new StagedCatalogResolver.Status(6, 7))).isEmpty();
    }

    @Test
    void anUnreachableCoordinatorIsAskedAgainUntilItAnswers() throws InterruptedException {
        FakeReplica replica = new FakeReplica();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        try (StagedCatalogResolver resolver = new StagedCatalogResolver(replica, c -> {
            if (asked.incrementAndGet() < 3) {
                throw new ShaleException(ErrorCode.CONNECTION_FAILURE, "connection refused");
            }
            return new StagedCatalogResolver.Status(7, -1);
        }, c -> { }, Duration.ofMillis(10))) {
            resolver.staged(COORDINATOR, 7);
            long end = System.nanoTime() + 10_000_000_000L;
            while (replica.stagedVersion() >= 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
        }
        assertThat(replica.calls).containsExactly("publish 7");
        assertThat(asked.get()).isEqualTo(3);
    }

    @Test
    void aCatalogNoLongerStagedIsLeftAlone() {
        FakeReplica replica = new FakeReplica();
        replica.staged = 8;
        try (StagedCatalogResolver resolver = new StagedCatalogResolver(replica,
                c -> new StagedCatalogResolver.Status(7, -1), c -> { }, Duration.ofHours(1))) {
            resolver.resolve(COORDINATOR, 7, Duration.ofHours(1));
        }
        assertThat(replica.calls).isEmpty();
    }
}
