package io.shale.storage.sstable;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Merges entry iterators that are each in (key, timestamp descending) order — keys ascending or,
 * with {@code descending}, descending — into one such stream, with a binary heap. Equal (key,
 * timestamp) pairs from several inputs all come out, the one of the lowest input index first
 * (pass inputs newest source first). Not thread-safe.
 */
public final class MergingIterator implements EntryIterator {
    private final EntryIterator[] heap;
    private final int[] order;
    private final boolean descending;
    private int size;
    private boolean started;

    public MergingIterator(List<? extends EntryIterator> inputs, boolean descending) {
        this.heap = inputs.toArray(new EntryIterator[0]);
        this.order = new int[heap.length];
        this.descending = descending;
    }

    @Override
    public boolean next() {
        if (!started) {
            started = true;
            EntryIterator[] inputs = Arrays.copyOf(heap, heap.length);
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i].next()) {
                    heap[size] = inputs[i];
                    order[size] = i;
                    siftUp(size++);
                }
            }
            Arrays.fill(heap, size, heap.length, null);
            return size > 0;
        }
        if (size == 0) {
            return false;
        }
        if (!heap[0].next()) {
            size--;
            heap[0] = heap[size];
            order[0] = order[size];
            heap[size] = null;
        }
        if (size > 0) {
            siftDown(0);
        }
        return size > 0;
    }

    private EntryIterator top() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return heap[0];
    }

    @Override
    public byte[] key() {
        return top().key();
    }

    @Override
    public long timestamp() {
        return top().timestamp();
    }

    @Override
    public byte[] value() {
        return top().value();
    }

    private boolean before(int a, int b) {
        int c = Arrays.compareUnsigned(heap[a].key(), heap[b].key());
        if (c != 0) {
            return descending ? c > 0 : c < 0;
        }
        long ta = heap[a].timestamp();
        long tb = heap[b].timestamp();
        if (ta != tb) {
            return ta > tb;
        }
        return order[a] < order[b];
    }

    private void siftUp(int position) {
        int child = position;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (!before(child, parent)) {
                return;
            }
            swap(child, parent);
            child = parent;
        }
    }

    private void siftDown(int position) {
        int parent = position;
        while (true) {
            int left = 2 * parent + 1;
            if (left >= size) {
                return;
            }
            int smallest = left;
            int right = left + 1;
            if (right < size && before(right, left)) {
                smallest = right;
            }
            if (!before(smallest, parent)) {
                return;
            }
            swap(parent, smallest);
            parent = smallest;
        }
    }

    private void swap(int a, int b) {
        EntryIterator iterator = heap[a];
        heap[a] = heap[b];
        heap[b] = iterator;
        int index = order[a];
        order[a] = order[b];
        order[b] = index;
    }
}
