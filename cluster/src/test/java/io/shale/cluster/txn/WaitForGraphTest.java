package io.shale.cluster.txn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cycles in the distributed wait-for graph and the youngest member of each as its victim. */
class WaitForGraphTest {
    private static DistributedTransactionId id(int pid, long number, long start) {
        return new DistributedTransactionId(0, "127.0.0.1:5432", pid, number, start);
    }

    @Test
    void noCycleNoVictim() {
        WaitForGraph graph = new WaitForGraph();
        graph.add(new WaitEdge(id(1, 1, 10), id(2, 2, 20)));
        graph.add(new WaitEdge(id(2, 2, 20), id(3, 3, 30)));
        assertThat(graph.victims()).isEmpty();
    }

    @Test
    void theYoungestOfATwoCycleIsCancelled() {
        WaitForGraph graph = new WaitForGraph();
        graph.add(new WaitEdge(id(1, 1, 10), id(2, 2, 20)));
        graph.add(new WaitEdge(id(2, 2, 20), id(1, 1, 10)));
        assertThat(graph.victims()).extracting(DistributedTransactionId::originPid).containsExactly(2);
    }

    @Test
    void oneVictimPerIndependentCycleAndNoneForAWaiterOutsideIt() {
        WaitForGraph graph = new WaitForGraph();
        graph.add(new WaitEdge(id(1, 1, 10), id(2, 2, 20)));
        graph.add(new WaitEdge(id(2, 2, 20), id(3, 3, 15)));
        graph.add(new WaitEdge(id(3, 3, 15), id(1, 1, 10)));
        graph.add(new WaitEdge(id(9, 9, 99), id(1, 1, 10)));
        graph.add(new WaitEdge(id(4, 4, 40), id(5, 5, 50)));
        graph.add(new WaitEdge(id(5, 5, 50), id(4, 4, 40)));
        List<DistributedTransactionId> victims = graph.victims();
        assertThat(victims).extracting(DistributedTransactionId::originPid).containsExactlyInAnyOrder(2, 5);
    }

    @Test
    void selfWaitsAreIgnored() {
        WaitForGraph graph = new WaitForGraph();
        graph.add(new WaitEdge(id(1, 1, 10), id(1, 1, 10)));
        assertThat(graph.victims()).isEmpty();
    }
}
