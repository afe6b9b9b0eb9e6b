package io.shale.engine.citus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The tenant monitor of one node (Citus's {@code citus_stat_tenants_local}): in memory, per database, colocation id
 * and tenant attribute, the reads, queries and CPU time of the current and the previous period, and a score that
 * grows by {@link #ONE_QUERY_SCORE} per query and halves at every period boundary. Periods are aligned on multiples
 * of the period since the epoch. Up to three times the limit of tenants are kept; reaching that evicts the lowest
 * scores down to twice the limit. Thread-safe.
 */
public final class TenantStats {
    /** What one query adds to a tenant's score. */
    public static final long ONE_QUERY_SCORE = 1_000_000_000L;
    /** The longest tenant attribute kept, in bytes of UTF-8 (Citus keeps 100 bytes with the terminating zero). */
    public static final int MAX_ATTRIBUTE_BYTES = 99;

    /** A tenant: schema tenants have a null attribute (the schema's name is looked up when read). */
    record Key(int databaseOid, int colocationId, String attribute) {
    }

    /** One tenant's figures as read at one moment. */
    public record Row(int colocationId, String attribute, int readsThisPeriod, int readsLastPeriod,
                      int queriesThisPeriod, int queriesLastPeriod, double cpuThisPeriod, double cpuLastPeriod,
                      long score) {
    }

    private static final class Counters {
        int readsThis;
        int readsLast;
        int writesThis;
        int writesLast;
        double cpuThis;
        double cpuLast;
        long score;
        long lastQuery;
        long lastScoreReduction;
    }

    private final int limit;
    private final long periodMicros;
    private final LongSupplier clockMicros;
    private final Map<Key, Counters> tenants = new ConcurrentHashMap<>();

    /**
     * A monitor keeping {@code limit} tenants ({@code citus.stat_tenants_limit}) with periods of {@code periodSeconds}
     * ({@code citus.stat_tenants_period}), reading time from {@code clockMicros} (microseconds since the epoch).
     */
    public TenantStats(int limit, long periodSeconds, LongSupplier clockMicros) {
        this.limit = Math.max(1, limit);
        this.periodMicros = Math.max(1, periodSeconds) * 1_000_000L;
        this.clockMicros = clockMicros;
    }

    /** A monitor on the system clock configured by the node's settings (defaults 100 tenants, 60 s). */
    public static TenantStats fromSettings(Map<String, String> settings) {
        return new TenantStats(intSetting(settings, "citus.stat_tenants_limit", 100),
                intSetting(settings, "citus.stat_tenants_period", 60), TenantStats::systemMicros);
    }

    private static long systemMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    private static int intSetting(Map<String, String> settings, String name, int fallback) {
        String value = settings.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The number of tenants shown unless all are asked for. */
    public int limit() {
        return limit;
    }

    /** Counts one query of a tenant: a read when it was a SELECT, and {@code cpuSeconds} of CPU time. */
    public void record(int databaseOid, int colocationId, String attribute, boolean read, double cpuSeconds) {
        long now = clockMicros.getAsLong();
        Key key = new Key(databaseOid, colocationId, attribute);
        Counters c = tenants.get(key);
        if (c == null) {
            evictIfFull();
            c = tenants.computeIfAbsent(key, k -> new Counters());
        }
        synchronized (c) {
            rollPeriods(c, now);
            reduceScore(c, now);
            c.score = c.score < Long.MAX_VALUE - ONE_QUERY_SCORE ? c.score + ONE_QUERY_SCORE : Long.MAX_VALUE;
            if (read) {
                c.readsThis++;
            } else {
                c.writesThis++;
            }
            c.cpuThis += cpuSeconds;
            c.lastQuery = now;
        }
    }

    /** The tenants of a database by score, highest first: the first {@link #limit()}, or all of them. */
    public List<Row> rows(int databaseOid, boolean all) {
        long now = clockMicros.getAsLong();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Key, Counters> e : tenants.entrySet()) {
            Key key = e.getKey();
            if (key.databaseOid() != databaseOid) {
                continue;
            }
            Counters c = e.getValue();
            synchronized (c) {
                rollPeriods(c, now);
                reduceScore(c, now);
                rows.add(new Row(key.colocationId(), key.attribute(), c.readsThis, c.readsLast,
                        c.readsThis + c.writesThis, c.readsLast + c.writesLast, c.cpuThis, c.cpuLast, c.score));
            }
        }
        rows.sort((a, b) -> Long.compare(b.score(), a.score()));
        return all || rows.size() <= limit ? rows : new ArrayList<>(rows.subList(0, limit));
    }

    /** Forgets every tenant ({@code citus_stat_tenants_local_reset}). */
    public void reset() {
        tenants.clear();
    }

    /**
     * At the first query (or read) of a new period, this period's counts become the last period's; when the last
     * query is more than a period before the current one began, the last period's counts are cleared too.
     */
    private void rollPeriods(Counters c, long now) {
        long periodStart = now - Math.floorMod(now, periodMicros);
        if (c.lastQuery < periodStart && (c.readsThis != 0 || c.writesThis != 0)) {
            c.readsLast = c.readsThis;
            c.writesLast = c.writesThis;
            c.cpuLast = c.cpuThis;
            c.readsThis = 0;
            c.writesThis = 0;
            c.cpuThis = 0;
        }
        if (periodStart - c.lastQuery >= periodMicros) {
            c.readsLast = 0;
            c.writesLast = 0;
            c.cpuLast = 0;
        }
    }

    /** Halves the score once for every period boundary passed since the last reduction. */
    private void reduceScore(Counters c, long now) {
        long periodStart = now - Math.floorMod(now, periodMicros);
        long periods = (periodStart - c.lastScoreReduction + periodMicros - 1) / periodMicros;
        if (periods > 0) {
            c.score = periods >= 63 ? 0 : c.score >> periods;
            c.lastScoreReduction = now;
        }
    }

    /** At three times the limit, keeps the twice-the-limit tenants of highest score. */
    private void evictIfFull() {
        if (tenants.size() < 3 * limit) {
            return;
        }
        synchronized (tenants) {
            if (tenants.size() < 3 * limit) {
                return;
            }
            List<Map.Entry<Key, Counters>> entries = new ArrayList<>(tenants.entrySet());
            long[] scores = new long[entries.size()];
            for (int i = 0; i < scores.length; i++) {
                Counters c = entries.get(i).getValue();
                synchronized (c) {
                    scores[i] = c.score;
                }
            }
            Integer[] order = new Integer[entries.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Long.compare(scores[b], scores[a]));
            for (int i = 2 * limit; i < order.length; i++) {
                tenants.remove(entries.get(order[i]).getKey());
            }
        }
    }
}
