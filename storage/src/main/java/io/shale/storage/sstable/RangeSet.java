package io.shale.storage.sstable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of half-open key ranges {@code [from, to)} (a {@code null} end is unbounded),
 * kept sorted and merged so that {@link #contains(byte[])} is one binary search. Used for the
 * ranges a store has destroyed (dropped tables and shards) that compaction removes.
 */
public final class RangeSet {
    private static final RangeSet EMPTY = new RangeSet(new byte[0][], new byte[0][]);

    private final byte[][] starts;
    private final byte[][] ends;

    private RangeSet(byte[][] starts, byte[][] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    public static RangeSet empty() {
        return EMPTY;
    }

    /** The set of one range; {@code from == null} means from the start, {@code to == null} unbounded. */
    public static RangeSet of(byte[] from, byte[] to) {
        return EMPTY.with(from, to);
    }

    /** This set plus {@code [from, to)}; an empty range ({@code from >= to}) changes nothing. */
    public RangeSet with(byte[] from, byte[] to) {
        byte[] start = from == null ? new byte[0] : from.clone();
        byte[] end = to == null ? null : to.clone();
        if (end != null && Arrays.compareUnsigned(start, end) >= 0) {
            return this;
        }
        List<byte[]> newStarts = new ArrayList<>(starts.length + 1);
        List<byte[]> newEnds = new ArrayList<>(starts.length + 1);
        boolean placed = false;
        for (int i = 0; i <= starts.length; i++) {
            byte[] s;
            byte[] e;
            if (!placed && (i == starts.length || Arrays.compareUnsigned(start, starts[i]) < 0)) {
                s = start;
                e = end;
                placed = true;
                i--;
            } else if (i < starts.length) {
                s = starts[i];
                e = ends[i];
            } else {
                break;
            }
            int last = newStarts.size() - 1;
            if (last >= 0 && (newEnds.get(last) == null || Arrays.compareUnsigned(s, newEnds.get(last)) <= 0)) {
                byte[] lastEnd = newEnds.get(last);
                if (lastEnd != null && (e == null || Arrays.compareUnsigned(e, lastEnd) > 0)) {
                    newEnds.set(last, e);
                }
            } else {
                newStarts.add(s);
                newEnds.add(e);
            }
        }
        return new RangeSet(newStarts.toArray(new byte[0][]), newEnds.toArray(new byte[0][]));
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }

    /** The number of disjoint ranges. */
    public int size() {
        return starts.length;
    }

    public byte[] start(int index) {
        return starts[index].clone();
    }

    /** The end of range {@code index}, or {@code null} when unbounded. */
    public byte[] end(int index) {
        return ends[index] == null ? null : ends[index].clone();
    }

    public boolean contains(byte[] key) {
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (Arrays.compareUnsigned(starts[mid], key) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found >= 0 && (ends[found] == null || Arrays.compareUnsigned(key, ends[found]) < 0);
    }

    /** True when some range of this set intersects {@code [from, to]} (both ends inclusive). */
    public boolean intersects(byte[] from, byte[] to) {
        for (int i = 0; i < starts.length; i++) {
            boolean startsBeforeEnd = Arrays.compareUnsigned(starts[i], to) <= 0;
            boolean endsAfterStart = ends[i] == null || Arrays.compareUnsigned(ends[i], from) > 0;
            if (startsBeforeEnd && endsAfterStart) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RangeSet set && Arrays.deepEquals(starts, set.starts)
                && Arrays.deepEquals(ends, set.ends);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(starts) * 31 + Arrays.deepHashCode(ends);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < starts.length; i++) {
            text.append(i == 0 ? "" : ", ").append(Arrays.toString(starts[i])).append("..")
                    .append(ends[i] == null ? "end" : Arrays.toString(ends[i]));
        }
        return text.append(']').toString();
    }
}
