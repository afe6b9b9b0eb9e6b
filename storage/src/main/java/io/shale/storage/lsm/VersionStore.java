package io.shale.storage.lsm;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ordered map of key to version chain, compared as unsigned bytes, and the same chains in a
 * hash map for point reads (a skip-list descent costs dozens of cache misses, a hash look-up a
 * few). Lock-free for readers; each chain is changed under its own monitor, which also keeps the
 * two maps in step: a chain enters the ordered map with its first version and leaves both maps
 * when it is removed. Knows versions and timestamps, not locks: callers hold the key's row lock
 * before they add a version.
 */
final class VersionStore {
    private final ConcurrentSkipListMap<byte[], VersionChain> chains =
            new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    private final ConcurrentHashMap<ChainKey, VersionChain> byKey = new ConcurrentHashMap<>();
    private final LongAdder liveKeys = new LongAdder();
    private final PrefixSizes prefixSizes;

    VersionStore(PrefixSizes prefixSizes) {
        this.prefixSizes = prefixSizes;
    }

    VersionChain chain(byte[] key) {
        return byKey.get(new ChainKey(key));
    }

    /** Puts a provisional version on top of the key's chain; returns the chain. */
    VersionChain push(byte[] key, Version version) {
        while (true) {
            VersionChain chain = chain(key);
            if (chain == null) {
                VersionChain created = new VersionChain(key.clone(), prefixSizes.counter(key));
                VersionChain existing = byKey.putIfAbsent(new ChainKey(created.key), created);
                chain = existing == null ? created : existing;
            }
            synchronized (chain) {
                if (!chain.removed) {
                    if (!chain.ordered) {
                        chain.ordered = true;
                        chains.put(chain.key, chain);
                    }
                    version.next = chain.head;
                    chain.head = version;
                    return chain;
                }
            }
        }
    }

    /** Takes a rolled-back provisional version out of its chain. */
    void unlink(VersionChain chain, Version version) {
        synchronized (chain) {
            Version head = chain.head;
            if (head == version) {
                chain.head = version.next;
            } else {
                for (Version v = head; v != null; v = v.next) {
                    if (v.next == version) {
                        v.next = version.next;
                        break;
                    }
                }
            }
            if (chain.head == null) {
                removeLocked(chain);
            }
        }
    }

    /**
     * Stamps the commit timestamp into the owner's newest version of the chain, drops its older
     * own versions, and prunes below the horizon. The owner's outcome is already decided, so
     * readers agree before and after the stamp. No-op when the chain was stamped already.
     */
    void stamp(VersionChain chain, TransactionState owner, long commitTimestamp, long horizon) {
        synchronized (chain) {
            Version top = chain.head;
            if (top == null || !top.isOwnedBy(owner)) {
                return;
            }
            Version below = top.next;
            while (below != null && below.isOwnedBy(owner)) {
                below = below.next;
            }
            int delta = (top.value != null ? 1 : 0) - (below != null && below.value != null ? 1 : 0);
            top.next = below;
            top.timestamp = commitTimestamp;
            top.owner = null;
            if (!chain.removed) {
                chain.prefixSize.add(top.size(chain.key));
                if (delta != 0) {
                    liveKeys.add(delta);
                }
            }
            if (chain.pruneLocked(horizon)) {
                removeLocked(chain);
            }
        }
    }

    /**
     * Puts a committed version on top of the key's chain (recovery: the log holds commits in
     * timestamp order, so it becomes the newest).
     */
    void applyCommitted(byte[] key, byte[] value, long commitTimestamp) {
        Version version = Version.committed(value, commitTimestamp);
        VersionChain chain = push(key, version);
        synchronized (chain) {
            Version below = version.next;
            int delta = (value != null ? 1 : 0) - (below != null && below.value != null ? 1 : 0);
            chain.prefixSize.add(version.size(chain.key));
            if (delta != 0) {
                liveKeys.add(delta);
            }
        }
    }

    /** Prunes every chain below the horizon; returns the number of chains removed. */
    int vacuum(long horizon) {
        int removed = 0;
        for (VersionChain chain : chains.values()) {
            synchronized (chain) {
                if (chain.pruneLocked(horizon)) {
                    removeLocked(chain);
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Prunes at most {@code limit} chains after the key {@code after} (from the start when null);
     * returns the last key pruned, or null when the end of the map was reached.
     */
    byte[] vacuumSome(long horizon, byte[] after, int limit) {
        Iterator<VersionChain> iterator = (after == null ? chains : chains.tailMap(after, false)).values().iterator();
        byte[] last = null;
        for (int i = 0; i < limit && iterator.hasNext(); i++) {
            VersionChain chain = iterator.next();
            synchronized (chain) {
                if (chain.pruneLocked(horizon)) {
                    removeLocked(chain);
                }
            }
            last = chain.key;
        }
        return iterator.hasNext() ? last : null;
    }

    void destroyRange(byte[] fromInclusive, byte[] toExclusive) {
        for (VersionChain chain : range(fromInclusive, toExclusive, false).values()) {
            synchronized (chain) {
                if (!chain.removed) {
                    Version newest = chain.newestCommittedNow();
                    if (newest != null && newest.value != null) {
                        liveKeys.decrement();
                    }
                    removeLocked(chain);
                }
            }
        }
    }

    /** The number of keys with a chain (live, deleted or provisional); O(keys). */
    int chainCount() {
        return chains.size();
    }

    long liveKeys() {
        return liveKeys.sum();
    }

    /** The chains of {@code [from, to)} in key order; null bounds are open. Weakly consistent. */
    Iterator<VersionChain> iterate(byte[] fromInclusive, byte[] toExclusive, boolean descending) {
        NavigableMap<byte[], VersionChain> range = range(fromInclusive, toExclusive, descending);
        return range.values().iterator();
    }

    private NavigableMap<byte[], VersionChain> range(byte[] from, byte[] to, boolean descending) {
        NavigableMap<byte[], VersionChain> range;
        if (from == null && to == null) {
            range = chains;
        } else if (from == null) {
            range = chains.headMap(to, false);
        } else if (to == null) {
            range = chains.tailMap(from, true);
        } else if (Arrays.compareUnsigned(from, to) >= 0) {
            range = chains.subMap(from, true, from, false);
        } else {
            range = chains.subMap(from, true, to, false);
        }
        return descending ? range.descendingMap() : range;
    }

    private void removeLocked(VersionChain chain) {
        if (!chain.removed) {
            chain.removed = true;
            chain.prefixSize.add(-chain.committedSizeLocked());
            if (chain.ordered) {
                chains.remove(chain.key, chain);
            }
            byKey.remove(new ChainKey(chain.key), chain);
        }
    }
}
