package io.shale.engine;

import io.shale.catalog.Privilege;
import io.shale.catalog.Sequence;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.access.AccessChecks;
import io.shale.engine.citus.DistributedSequences;
import io.shale.engine.function.EvalContext;

import java.util.HashMap;
import java.util.Map;

/**
 * A session's nextval, currval, lastval and setval: the node's sequence values (on a worker, a distributed
 * sequence's range for the node), the values this session last got of each sequence, and the privilege checks.
 * Used by its session's thread.
 */
final class SessionSequences implements EvalContext.Sequences {
    private final SessionState state;
    private final Map<Integer, Long> currentValues = new HashMap<>();
    private Long lastValue;
    /** The sequence nextval last used, whose privileges lastval checks. */
    private int lastOid;

    SessionSequences(SessionState state) {
        this.state = state;
    }

    @Override
    public long nextval(long sequenceOid) {
        Sequence named = sequence(sequenceOid);
        AccessChecks.requireEither(state.catalog(), state.databaseOid(), state.currentUserOid(), named,
                Privilege.USAGE, Privilege.UPDATE);
        Sequence seq = DistributedSequences.forNode(state.catalog().objects(state.databaseOid()), named,
                state.engine().localGroupId());
        long v = state.engine().sequences().nextval(seq);
        currentValues.put(seq.oid(), v);
        lastValue = v;
        lastOid = seq.oid();
        return v;
    }

    @Override
    public long currval(long sequenceOid) {
        Sequence seq = sequence(sequenceOid);
        AccessChecks.requireEither(state.catalog(), state.databaseOid(), state.currentUserOid(), seq,
                Privilege.USAGE, Privilege.SELECT);
        Long v = currentValues.get(seq.oid());
        if (v == null) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "currval of sequence \""
                    + seq.name() + "\" is not yet defined in this session");
        }
        return v;
    }

    @Override
    public long lastval() {
        if (lastValue == null) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "lastval is not yet defined in this session");
        }
        if (lastOid != 0 && state.catalog().objects(state.databaseOid()).relation(lastOid) instanceof Sequence seq) {
            AccessChecks.requireEither(state.catalog(), state.databaseOid(), state.currentUserOid(), seq,
                    Privilege.USAGE, Privilege.SELECT);
        }
        return lastValue;
    }

    @Override
    public long setval(long sequenceOid, long value, boolean isCalled) {
        Sequence seq = sequence(sequenceOid);
        AccessChecks.requireEither(state.catalog(), state.databaseOid(), state.currentUserOid(), seq,
                Privilege.UPDATE, Privilege.UPDATE);
        state.engine().sequences().setval(seq, value, isCalled);
        if (isCalled) {
            currentValues.put(seq.oid(), value);
            lastValue = value;
        }
        return value;
    }

    private Sequence sequence(long oid) {
        if (state.catalog().objects(state.databaseOid()).relation((int) oid) instanceof Sequence s) {
            return s;
        }
        throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + oid + "\" is not a sequence");
    }
}
