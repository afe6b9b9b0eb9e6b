package io.shale.engine;

import io.shale.catalog.Sequence;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current values of a node's sequences. Like PostgreSQL's, they are not transactional: a
 * value handed out is never handed out again, even when its transaction rolls back.
 */
final class SequenceValues {
    private final Map<Integer, State> states = new ConcurrentHashMap<>();

    /** One sequence's position: the last value, and whether it was handed out already. */
    private static final class State {
        long last;
        boolean called;

        State(long last, boolean called) {
            this.last = last;
            this.called = called;
        }
    }

    long nextval(Sequence seq) {
        State s = states.computeIfAbsent(seq.oid(), k -> new State(seq.start(), false));
        synchronized (s) {
            if (!s.called) {
                s.called = true;
                return s.last;
            }
            long next;
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
            }
            s.last = next;
            return next;
        }
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
        State s = states.computeIfAbsent(seq.oid(), k -> new State(seq.start(), false));
        synchronized (s) {
            s.last = value;
            s.called = called;
        }
        return value;
    }

    /** Restarts a sequence (ALTER SEQUENCE … RESTART, TRUNCATE … RESTART IDENTITY). */
    void restart(Sequence seq, long value) {
        states.put(seq.oid(), new State(value, false));
    }

    /** last_value and is_called, for pg_sequences and SELECT * FROM a sequence. */
    long[] position(Sequence seq) {
        State s = states.get(seq.oid());
        return s == null ? new long[] {seq.start(), 0} : new long[] {s.last, s.called ? 1 : 0};
    }

    void drop(int oid) {
        states.remove(oid);
    }
}
