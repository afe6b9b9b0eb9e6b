package io.shale.catalog.distribution;

/**
 * A node as shard placement sees it, ordered as Citus orders placement candidates: by node name
 * (byte order) and then port.
 */
public record NodeAddress(String name, int port) implements Comparable<NodeAddress> {
    public NodeAddress {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("node name must not be empty");
        }
    }

    @Override
    public int compareTo(NodeAddress other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : Integer.compare(port, other.port);
    }
}
