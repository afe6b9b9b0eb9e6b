package io.shale.cluster.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wait-for graph of distributed transactions gathered from every node, and the victims that break its cycles: in
 * each cycle the youngest transaction (latest start, then highest number), as Citus cancels. Not thread-safe.
 */
public final class WaitForGraph {
    private final Map<DistributedTransactionId.Key, DistributedTransactionId> ids = new HashMap<>();
    private final Map<DistributedTransactionId.Key, Set<DistributedTransactionId.Key>> edges = new HashMap<>();

    public void add(WaitEdge edge) {
        DistributedTransactionId.Key from = edge.waiting().key();
        DistributedTransactionId.Key to = edge.holding().key();
        if (from.equals(to)) {
            return;
        }
        remember(edge.waiting());
        remember(edge.holding());
        edges.computeIfAbsent(from, k -> new HashSet<>()).add(to);
    }

    private void remember(DistributedTransactionId id) {
        DistributedTransactionId known = ids.get(id.key());
        if (known == null || known.startMicros() == 0) {
            ids.put(id.key(), id);
        }
    }

    /**
     * The transactions to cancel so that no cycle remains: repeatedly finds a cycle among the transactions not yet
     * chosen and picks its youngest member.
     */
    public List<DistributedTransactionId> victims() {
        List<DistributedTransactionId> victims = new ArrayList<>();
        Set<DistributedTransactionId.Key> removed = new HashSet<>();
        while (true) {
            List<DistributedTransactionId.Key> cycle = findCycle(removed);
            if (cycle == null) {
                return victims;
            }
            DistributedTransactionId youngest = null;
            for (DistributedTransactionId.Key key : cycle) {
                DistributedTransactionId id = ids.get(key);
                if (youngest == null || younger(id, youngest)) {
                    youngest = id;
                }
            }
            victims.add(youngest);
            removed.add(youngest.key());
        }
    }

    private static boolean younger(DistributedTransactionId a, DistributedTransactionId b) {
        if (a.startMicros() != b.startMicros()) {
            return a.startMicros() > b.startMicros();
        }
        if (a.number() != b.number()) {
            return a.number() > b.number();
        }
        return a.originGroup() > b.originGroup();
    }

    /** A cycle avoiding {@code removed}, as the list of its members, or null (iterative depth-first search). */
    private List<DistributedTransactionId.Key> findCycle(Set<DistributedTransactionId.Key> removed) {
        Map<DistributedTransactionId.Key, Integer> state = new HashMap<>();
        for (DistributedTransactionId.Key start : edges.keySet()) {
            if (removed.contains(start) || state.containsKey(start)) {
                continue;
            }
            List<DistributedTransactionId.Key> path = new ArrayList<>();
            List<java.util.Iterator<DistributedTransactionId.Key>> iterators = new ArrayList<>();
            path.add(start);
            iterators.add(successors(start).iterator());
            state.put(start, 1);
            while (!path.isEmpty()) {
                java.util.Iterator<DistributedTransactionId.Key> it = iterators.get(iterators.size() - 1);
                if (!it.hasNext()) {
                    state.put(path.remove(path.size() - 1), 2);
                    iterators.remove(iterators.size() - 1);
                    continue;
                }
                DistributedTransactionId.Key next = it.next();
                if (removed.contains(next)) {
                    continue;
                }
                Integer s = state.get(next);
                if (s == null) {
                    state.put(next, 1);
                    path.add(next);
                    iterators.add(successors(next).iterator());
                } else if (s == 1) {
                    return new ArrayList<>(path.subList(path.indexOf(next), path.size()));
                }
            }
        }
        return null;
    }

    private Set<DistributedTransactionId.Key> successors(DistributedTransactionId.Key key) {
        return edges.getOrDefault(key, Set.of());
    }
}
