package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A hand-written session for function tests: fixed clock, settings map, in-memory sequences. */
final class FakeEvalContext implements EvalContext {
    final Map<String, String> settings = new HashMap<>();
    final Map<Long, long[]> sequences = new HashMap<>();
    FormatSettings format = FormatSettings.defaults();
    Instant now = Instant.parse("2024-03-10T12:34:56.789Z");
    RandomGenerator random = new SplittableRandom(42);
    boolean cancelled;
    long lastSequence = -1;

    FakeEvalContext withZone(String zone) {
        format = format.withTimeZone(ZoneId.of(zone));
        return this;
    }

    @Override
    public FormatSettings formatSettings() {
        return format;
    }

    @Override
    public Instant transactionTimestamp() {
        return now;
    }

    @Override
    public Instant statementTimestamp() {
        return now;
    }

    @Override
    public String currentUser() {
        return "alice";
    }

    @Override
    public String sessionUser() {
        return "alice";
    }

    @Override
    public String currentDatabase() {
        return "shale";
    }

    @Override
    public List<String> currentSchemas(boolean includeImplicit) {
        return includeImplicit ? List.of("pg_catalog", "public") : List.of("public");
    }

    @Override
    public String setting(String name, boolean missingOk) {
        String v = settings.get(name);
        if (v == null && !missingOk) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        return v;
    }

    @Override
    public String setSetting(String name, String value, boolean local) {
        settings.put(name, value);
        return value;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void setSeed(double seed) {
        random = new SplittableRandom(Double.doubleToLongBits(seed));
    }

    @Override
    public Sequences sequences() {
        return new Sequences() {
            @Override
            public long nextval(long oid) {
                long[] s = sequences.computeIfAbsent(oid, k -> new long[] {0, 0});
                s[0]++;
                s[1] = 1;
                lastSequence = oid;
                return s[0];
            }

            @Override
            public long currval(long oid) {
                long[] s = sequences.get(oid);
                if (s == null || s[1] == 0) {
                    throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "currval of sequence is not yet defined in this session");
                }
                return s[0];
            }

            @Override
            public long lastval() {
                return currval(lastSequence);
            }

            @Override
            public long setval(long oid, long value, boolean isCalled) {
                sequences.put(oid, new long[] {value, isCalled ? 1 : 0});
                return value;
            }
        };
    }

    @Override
    public void checkInterrupted() {
        if (cancelled) {
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        }
    }

    @Override
    public io.shale.catalog.Catalog catalog() {
        return io.shale.catalog.Catalog.bootstrap();
    }

    @Override
    public int databaseOid() {
        return 5;
    }

    @Override
    public int currentUserOid() {
        return 10;
    }
}
