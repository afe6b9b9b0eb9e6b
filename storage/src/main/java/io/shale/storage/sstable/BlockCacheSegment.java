package io.shale.storage.sstable;

/**
 * One lock's share of a {@link BlockCache}: a chained hash table of (file id, offset) → block
 * whose nodes also form a doubly linked LRU list (most recent after the sentinel).
 */
final class BlockCacheSegment {
    static final int BLOCK_OVERHEAD = 96;

    private final long capacity;
    private final Node head = new Node(0, 0, null);
    private Node[] table = new Node[64];
    private int count;
    private long used;

    BlockCacheSegment(long capacity) {
        this.capacity = capacity;
        head.before = head;
        head.after = head;
    }

    static int hash(long fileId, long offset) {
        long h = fileId * 0x9E3779B97F4A7C15L + offset;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    synchronized long usedBytes() {
        return used;
    }

    synchronized Block get(long fileId, long offset) {
        Node[] nodes = table;
        for (Node node = nodes[hash(fileId, offset) & (nodes.length - 1)]; node != null; node = node.next) {
            if (node.fileId == fileId && node.offset == offset) {
                unlink(node);
                linkFirst(node);
                return node.block;
            }
        }
        return null;
    }

    synchronized void put(long fileId, long offset, Block block) {
        long weight = block.weight();
        if (weight > capacity) {
            return;
        }
        int index = hash(fileId, offset) & (table.length - 1);
        for (Node node = table[index]; node != null; node = node.next) {
            if (node.fileId == fileId && node.offset == offset) {
                return;
            }
        }
        Node node = new Node(fileId, offset, block);
        node.next = table[index];
        table[index] = node;
        linkFirst(node);
        count++;
        used += weight;
        while (used > capacity) {
            remove(head.before);
        }
        if (count > table.length * 3 / 4) {
            resize();
        }
    }

    synchronized void evictFile(long fileId) {
        Node node = head.after;
        while (node != head) {
            Node after = node.after;
            if (node.fileId == fileId) {
                remove(node);
            }
            node = after;
        }
    }

    private void remove(Node victim) {
        unlink(victim);
        int index = hash(victim.fileId, victim.offset) & (table.length - 1);
        Node previous = null;
        for (Node node = table[index]; node != null; previous = node, node = node.next) {
            if (node == victim) {
                if (previous == null) {
                    table[index] = node.next;
                } else {
                    previous.next = node.next;
                }
                break;
            }
        }
        count--;
        used -= victim.block.weight();
    }

    private void resize() {
        Node[] bigger = new Node[table.length * 2];
        for (Node chain : table) {
            Node node = chain;
            while (node != null) {
                Node next = node.next;
                int index = hash(node.fileId, node.offset) & (bigger.length - 1);
                node.next = bigger[index];
                bigger[index] = node;
                node = next;
            }
        }
        table = bigger;
    }

    private void unlink(Node node) {
        node.before.after = node.after;
        node.after.before = node.before;
    }

    private void linkFirst(Node node) {
        node.after = head.after;
        node.before = head;
        head.after.before = node;
        head.after = node;
    }

    private static final class Node {
        final long fileId;
        final long offset;
        final Block block;
        Node next;
        Node before;
        Node after;

        Node(long fileId, long offset, Block block) {
            this.fileId = fileId;
            this.offset = offset;
            this.block = block;
        }
    }
}
