package io.shale.cluster.rpc;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault injection for tests: pairs of nodes whose internal traffic is cut. Clients refuse calls to
 * a cut peer, servers refuse its connections and requests, and cutting closes the channels already
 * open between the pair (their pending calls fail). The nodes of one LocalCluster share one
 * instance; a production node has its own, never cut. Thread-safe.
 */
public final class NetworkPartitions {
    private final Set<Pair> cut = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Cuts the traffic between {@code a} and {@code b}, both ways, and drops their open channels. */
    public void cut(NodeAddress a, NodeAddress b) {
        if (cut.add(Pair.of(a, b))) {
            for (Runnable listener : listeners) {
                listener.run();
            }
        }
    }

    /** Lets traffic between {@code a} and {@code b} flow again; channels reconnect on the next call. */
    public void heal(NodeAddress a, NodeAddress b) {
        cut.remove(Pair.of(a, b));
    }

    public void healAll() {
        cut.clear();
    }

    public boolean isCut(NodeAddress a, NodeAddress b) {
        return !cut.isEmpty() && cut.contains(Pair.of(a, b));
    }

    /** Runs {@code listener} after every new cut (clients and servers close the channels it affects). */
    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private record Pair(NodeAddress low, NodeAddress high) {
        static Pair of(NodeAddress a, NodeAddress b) {
            return a.compareTo(b) <= 0 ? new Pair(a, b) : new Pair(b, a);
        }
    }
}
