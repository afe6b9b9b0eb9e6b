package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.Sequence;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.KeyCursor;
import io.shale.storage.KeyValueStore;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current values of a node's sequences. Like PostgreSQL's, they are not transactional: a
 * value handed out is never handed out again, even when its transaction rolls back, nor after a
 * crash. As PostgreSQL does, nextval logs ahead: when it passes the logged limit it durably
 * stores, in a small transaction of its own, a position {@link #LOG_AHEAD} increments further,
 * and after a restart the sequence resumes after that position (so a crash leaves a gap).
 * setval and restarts store their position at once. Thread-safe: each sequence's state is
 * changed under its own monitor.
 */
final class SequenceValues {
    /** How many values one logged position covers (PostgreSQL's SEQ_LOG_VALS). */
    static final int LOG_AHEAD = 32;
    private static final byte FORMAT = 1;

    private final KeyValueStore store;
    private final Map<Integer, State> states = new ConcurrentHashMap<>();

    /** One sequence's position: the last value, whether it was handed out, and the logged limit. */
    private static final class State {
        long last;
        boolean called;
        /** Whether {@link #limit} is durable: values up to it may be handed out without logging. */
        boolean logged;
        long limit;

        State(long last, boolean called) {
            this.last = last;
            this.called = called;
        }
    }

    SequenceValues(KeyValueStore store) {
        this.store = store;
    }

    /**
     * Reads the logged positions of {@code catalog}'s sequences, and deletes those of sequences
     * that no longer exist (dropped, or created by a transaction that did not commit).
     */
    void load(Catalog catalog) {
        Set<Integer> sequences = new HashSet<>();
        for (Database d : catalog.databases()) {
            for (var r : catalog.objects(d.oid()).relations()) {
                if (r instanceof Sequence s) {
                    sequences.add(s.oid());
                }
            }
        }
        Transaction txn = store.begin(TransactionOptions.defaults());
        try {
            List<byte[]> gone = new ArrayList<>();
            try (KeyCursor cursor = txn.scan(SystemKeys.sequence(0), SystemKeys.sequencesEnd(), false)) {
                while (cursor.next()) {
                    int oid = SystemKeys.sequenceOid(cursor.key());
                    if (sequences.contains(oid)) {
                        states.put(oid, decode(cursor.value()));
                    } else {
                        gone.add(cursor.key().clone());
                    }
                }
            }
            for (byte[] key : gone) {
                txn.delete(key);
            }
            txn.commit();
        } finally {
            txn.rollback();
        }
    }

    long nextval(Sequence seq) {
        State s = state(seq);
        synchronized (s) {
            long next;
            boolean wrapped = false;
            if (!s.called) {
                next = s.last;
            } else {
                try {
                    next = Math.addExact(s.last, seq.increment());
                } catch (ArithmeticException e) {
                    next = seq.increment() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
                    if (!seq.cycle()) {
                        throw limit(seq, seq.increment() > 0);
                    }
                }
                if (next > seq.max() || next < seq.min()) {
                    if (!seq.cycle()) {
                        throw limit(seq, next > seq.max());
                    }
                    next = seq.increment() > 0 ? seq.min() : seq.max();
                    wrapped = true;
                }
            }
            if (!s.logged || wrapped || (seq.increment() > 0 ? next > s.limit : next < s.limit)) {
                long ahead = ahead(seq, next);
                persist(seq.oid(), ahead, true);
                s.limit = ahead;
                s.logged = true;
            }
            s.last = next;
            s.called = true;
            return next;
        }
    }

    /** The value {@link #LOG_AHEAD} increments after {@code next}, kept within the sequence's bounds. */
    private static long ahead(Sequence seq, long next) {
        long limit;
        try {
            limit = Math.addExact(next, Math.multiplyExact(seq.increment(), (long) LOG_AHEAD));
        } catch (ArithmeticException e) {
            limit = seq.increment() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return Math.max(seq.min(), Math.min(seq.max(), limit));
    }

    private static ShaleException limit(Sequence seq, boolean max) {
        return new ShaleException(ErrorCode.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, "nextval: reached " + (max ? "maximum" : "minimum")
                + " value of sequence \"" + seq.name() + "\" (" + (max ? seq.max() : seq.min()) + ")");
    }

    long setval(Sequence seq, long value, boolean called) {
        if (value < seq.min() || value > seq.max()) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
                    + " is out of bounds for sequence \"" + seq.name() + "\" (" + seq.min() + ".." + seq.max() + ")");
        }
        position(seq, value, called);
        return value;
    }

    /** Restarts a sequence (ALTER SEQUENCE … RESTART, TRUNCATE … RESTART IDENTITY). */
    void restart(Sequence seq, long value) {
        position(seq, value, false);
    }

    private void position(Sequence seq, long value, boolean called) {
        State s = state(seq);
        synchronized (s) {
            persist(seq.oid(), value, called);
            s.last = value;
            s.called = called;
            s.logged = false;
        }
    }

    private State state(Sequence seq) {
        return states.computeIfAbsent(seq.oid(), k -> new State(seq.start(), false));
    }

    /** last_value and is_called, for pg_sequences and SELECT * FROM a sequence. */
    long[] position(Sequence seq) {
        State s = states.get(seq.oid());
        if (s == null) {
            return new long[] {seq.start(), 0};
        }
        synchronized (s) {
            return new long[] {s.last, s.called ? 1 : 0};
        }
    }

    /** Forgets a dropped sequence. */
    void drop(int oid) {
        State s = states.remove(oid);
        if (s != null) {
            synchronized (s) {
                deleteRange(SystemKeys.sequence(oid), SystemKeys.sequence(oid + 1));
            }
        }
    }

    /**
     * Forgets the sequences with oids from {@code firstUnusedOid} on: a transaction that created
     * them rolled back, and its oids will be handed out again. The caller holds the DDL lock.
     */
    void discardFrom(int firstUnusedOid) {
        boolean any = states.keySet().removeIf(oid -> oid >= firstUnusedOid);
        if (any) {
            deleteRange(SystemKeys.sequence(firstUnusedOid), SystemKeys.sequencesEnd());
        }
    }

    private void deleteRange(byte[] from, byte[] to) {
        Transaction txn = store.begin(TransactionOptions.defaults());
        try {
            SystemKeys.deleteAll(txn, from, to);
            txn.commit();
        } finally {
            txn.rollback();
        }
    }

    /**
     * At a clean shutdown: stores each sequence's exact position instead of the logged-ahead one,
     * so that a restart continues without a gap (as PostgreSQL's shutdown checkpoint does). A
     * crash still resumes after the logged position.
     */
    void saveExactPositions() {
        for (Map.Entry<Integer, State> entry : states.entrySet()) {
            State s = entry.getValue();
            synchronized (s) {
                if (s.logged) {
                    persist(entry.getKey(), s.last, s.called);
                    s.logged = false;
                }
            }
        }
    }

    /** Stores a position durably: after a restart the sequence continues from {@code last}. */
    private void persist(int oid, long last, boolean called) {
        byte[] value = new byte[10];
        value[0] = FORMAT;
        for (int i = 0; i < 8; i++) {
            value[1 + i] = (byte) (last >>> (56 - 8 * i));
        }
        value[9] = (byte) (called ? 1 : 0);
        Transaction txn = store.begin(TransactionOptions.defaults());
        try {
            txn.put(SystemKeys.sequence(oid), value);
            txn.commit();
        } finally {
            txn.rollback();
        }
    }

    private static State decode(byte[] value) {
        if (value.length != 10 || value[0] != FORMAT) {
            throw new ShaleException(ErrorCode.DATA_CORRUPTED, "sequence state has an unknown format");
        }
        long last = 0;
        for (int i = 0; i < 8; i++) {
            last = last << 8 | (value[1 + i] & 0xFF);
        }
        return new State(last, value[9] != 0);
    }
}
