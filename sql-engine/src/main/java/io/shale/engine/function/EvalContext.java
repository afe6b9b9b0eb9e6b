package io.shale.engine.function;

import io.shale.catalog.Catalog;
import io.shale.common.types.FormatSettings;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a function may know of the session and statement evaluating it. Implemented by the
 * engine's session; functions must not keep it beyond the call.
 */
public interface EvalContext {

    FormatSettings formatSettings();

    /** The catalog snapshot the statement runs against (for the catalog information functions). */
    Catalog catalog();

    /** The session's database. */
    int databaseOid();

    /** The oid of the current role. */
    int currentUserOid();

    /** now(), transaction_timestamp(), CURRENT_TIMESTAMP: the start of the transaction. */
    Instant transactionTimestamp();

    /** statement_timestamp(): the start of the current statement. */
    Instant statementTimestamp();

    String currentUser();

    String sessionUser();

    String currentDatabase();

    /** The effective search path, implicit schemas (pg_catalog) included when asked. */
    List<String> currentSchemas(boolean includeImplicit);

    /** current_setting(name); 42704 for an unknown setting unless {@code missingOk}. */
    String setting(String name, boolean missingOk);

    /** set_config(name, value, isLocal); returns the new value. */
    String setSetting(String name, String value, boolean local);

    /** The session's random generator (random(), gen_random_uuid(); setseed() reseeds it). */
    RandomGenerator random();

    /** setseed(seed) with seed in [-1, 1]. */
    void setSeed(double seed);

    /** Sequence access for nextval, currval, setval, lastval. */
    Sequences sequences();

    /** Throws 57014 when the statement was cancelled or timed out; long loops call it. */
    void checkInterrupted();

    /** The session's sequence operations; sequences are named as regclass text or by oid. */
    interface Sequences {
        long nextval(long sequenceOid);

        long currval(long sequenceOid);

        long lastval();

        long setval(long sequenceOid, long value, boolean isCalled);
    }
}
