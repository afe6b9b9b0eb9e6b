package io.shale.engine;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.system.PreparedTransactionInfo;
import io.shale.storage.PreparedTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PREPARE TRANSACTION, COMMIT PREPARED and ROLLBACK PREPARED (two-phase commit) over the store's
 * durable prepared transactions, with PostgreSQL's rules: max_prepared_transactions (0 disables
 * them), no COMMIT/ROLLBACK PREPARED inside a transaction block, only the preparing role (or a
 * superuser) in the preparing database finishes one.
 */
final class PreparedTransactions {
    /** PostgreSQL's GIDSIZE: a global transaction identifier is shorter than this many bytes. */
    private static final int GID_SIZE = 200;

    private final Engine engine;
    private final EngineSession session;

    PreparedTransactions(Engine engine, EngineSession session) {
        this.engine = engine;
        this.session = session;
    }

    /** PREPARE TRANSACTION 'gid': its command tag (ROLLBACK when there was nothing to prepare). */
    Outcome prepare(String gid) {
        return new Outcome.Done(session.state.prepareCommand(gid, () -> {
            long max = session.settings.integerValue("max_prepared_transactions");
            if (max <= 0) {
                throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "prepared transactions are disabled")
                        .withHint("Set max_prepared_transactions to a nonzero value.");
            }
            if (gid.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= GID_SIZE) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "transaction identifier \"" + gid
                        + "\" is too long");
            }
            if (engine.store().preparedTransactions().size() >= max) {
                throw new ShaleException(ErrorCode.OUT_OF_MEMORY,
                        "maximum number of prepared transactions reached")
                        .withHint("Increase max_prepared_transactions (currently " + max + ").");
            }
        }));
    }

    /** COMMIT PREPARED 'gid' ({@code commit}) or ROLLBACK PREPARED 'gid'. */
    Outcome finish(String gid, boolean commit) {
        String command = commit ? "COMMIT PREPARED" : "ROLLBACK PREPARED";
        if (session.state.mode() != SessionState.Mode.NONE) {
            throw new ShaleException(ErrorCode.ACTIVE_SQL_TRANSACTION, command + " cannot run inside a transaction block");
        }
        PreparedTransaction found = find(gid);
        if (found != null && !found.owner().equals(session.sessionRole.name()) && !session.sessionRole.superuser()) {
            throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied to finish prepared transaction")
                    .withHint("Must be superuser or the user that prepared the transaction.");
        }
        if (found != null && !found.database().equals(session.database.name())) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "prepared transaction belongs to another database")
                    .withHint("Connect to the database where the transaction was prepared to finish it.");
        }
        if (commit) {
            engine.store().commitPrepared(gid);
        } else {
            engine.store().rollbackPrepared(gid);
        }
        return new Outcome.Done(command);
    }

    private PreparedTransaction find(String gid) {
        for (PreparedTransaction p : engine.store().preparedTransactions()) {
            if (p.gid().equals(gid)) {
                return p;
            }
        }
        return null;
    }

    /** The rows of pg_prepared_xacts. */
    static List<PreparedTransactionInfo> rows(Engine engine) {
        List<PreparedTransactionInfo> rows = new ArrayList<>();
        for (PreparedTransaction p : engine.store().preparedTransactions()) {
            long micros = p.preparedAtMicros();
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            rows.add(new PreparedTransactionInfo(p.transactionId(), p.gid(), at, p.owner(), p.database()));
        }
        return rows;
    }
}
