package io.shale.engine.function;

import io.shale.common.types.ArrayValue;
import io.shale.common.types.Interval;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/** Session information, settings, sequences, pg_sleep, gen_random_uuid and null counting. */
final class SystemFunctions {
    /** version()'s text after the server_version it reports (when the engine sets no {@code shale.version_string}). */
    static final String VERSION_SUFFIX = " (Shale 0.1.0) on x86_64-pc-linux-gnu, compiled by javac 25, 64-bit";
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType NAME = SqlType.NAME;
    private static final SqlType I8 = SqlType.INT8;
    private static final SqlType BOOL = SqlType.BOOL;
    private static final SqlType REGCLASS = SqlType.of(TypeOids.REGCLASS);
    private static final SqlType ANY = SqlType.of(TypeOids.ANY);

    private SystemFunctions() {
    }

    static void register(Registrar r) {
        r.def("version", TEXT).stable().scalar((c, a) -> {
            String v = c.setting("shale.version_string", true);
            return v == null || v.isEmpty() ? "PostgreSQL " + c.setting("server_version", true) + VERSION_SUFFIX : v;
        });
        r.def("current_user", NAME).stable().scalar((c, a) -> c.currentUser());
        r.def("current_role", NAME).stable().scalar((c, a) -> c.currentUser());
        r.def("user", NAME).stable().scalar((c, a) -> c.currentUser());
        r.def("session_user", NAME).stable().scalar((c, a) -> c.sessionUser());
        r.def("current_database", NAME).stable().scalar((c, a) -> c.currentDatabase());
        r.def("current_catalog", NAME).stable().scalar((c, a) -> c.currentDatabase());
        r.def("current_schema", NAME).stable().scalar((c, a) -> {
            var schemas = c.currentSchemas(false);
            return schemas.isEmpty() ? null : schemas.getFirst();
        });
        r.def("current_schemas", SqlType.of(TypeOids.NAME_ARRAY)).args(BOOL).stable().scalar((c, a) ->
                ArrayValue.of(TypeOids.NAME, c.currentSchemas((boolean) a[0]).toArray()));
        r.def("current_setting", TEXT).args(TEXT).stable().scalar((c, a) -> c.setting((String) a[0], false));
        r.def("current_setting", TEXT).args(TEXT, BOOL).stable().scalar((c, a) -> c.setting((String) a[0], (boolean) a[1]));
        r.def("set_config", TEXT).args(TEXT, TEXT, BOOL).nonStrict().volatileFunction().scalar((c, a) -> {
            if (a[0] == null) {
                throw new ShaleException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "SET requires parameter name");
            }
            return c.setSetting((String) a[0], a[1] == null ? null : (String) a[1], a[2] != null && (boolean) a[2]);
        });
        r.def("nextval", I8).args(REGCLASS).volatileFunction().scalar((c, a) -> c.sequences().nextval((long) a[0]));
        r.def("currval", I8).args(REGCLASS).volatileFunction().scalar((c, a) -> c.sequences().currval((long) a[0]));
        r.def("lastval", I8).volatileFunction().scalar((c, a) -> c.sequences().lastval());
        r.def("setval", I8).args(REGCLASS, I8).volatileFunction()
                .scalar((c, a) -> c.sequences().setval((long) a[0], (long) a[1], true));
        r.def("setval", I8).args(REGCLASS, I8, BOOL).volatileFunction()
                .scalar((c, a) -> c.sequences().setval((long) a[0], (long) a[1], (boolean) a[2]));
        r.def("pg_sleep", SqlType.VOID).args(SqlType.FLOAT8).volatileFunction().scalar((c, a) -> sleep(c, (double) a[0]));
        r.def("pg_sleep_for", SqlType.VOID).args(SqlType.INTERVAL).volatileFunction().scalar((c, a) -> {
            Interval v = (Interval) a[0];
            double days = v.months() * 30.0 + v.days();
            return sleep(c, days * 86400 + v.micros() / 1e6);
        });
        r.def("pg_sleep_until", SqlType.VOID).args(SqlType.TIMESTAMPTZ).volatileFunction().scalar((c, a) ->
                sleep(c, java.time.Duration.between(java.time.Instant.now(), (java.time.Instant) a[0]).toNanos() / 1e9));
        r.def("gen_random_uuid", SqlType.UUID).volatileFunction().scalar((c, a) -> randomUuid(c));
        r.def("pg_typeof", SqlType.of(TypeOids.REGTYPE)).args(ANY).nonStrict().stable().scalar(ScalarFunction.byArgumentTypes(
                types -> {
                    Long oid = (long) types.getFirst().oid();
                    return (c, a) -> oid;
                }, (c, a) -> {
                    throw new ShaleException(ErrorCode.INTERNAL_ERROR, "pg_typeof needs its argument type");
                }));
        r.def("pg_encoding_to_char", NAME).args(SqlType.INT4).stable().scalar((c, a) -> switch ((int) a[0]) {
            case 0 -> "SQL_ASCII";
            case 6 -> "UTF8";
            default -> "";
        });
        r.def("pg_char_to_encoding", SqlType.INT4).args(NAME).stable().scalar((c, a) ->
                "UTF8".equalsIgnoreCase(((String) a[0]).replace("-", "")) ? 6 : "SQL_ASCII".equalsIgnoreCase((String) a[0]) ? 0 : -1);
        r.def("pg_size_pretty", TEXT).args(I8).scalar((c, a) -> sizePretty(java.math.BigInteger.valueOf((long) a[0])));
        r.def("pg_size_pretty", TEXT).args(SqlType.NUMERIC).scalar((c, a) ->
                sizePretty(((java.math.BigDecimal) a[0]).setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger()));
        r.def("pg_client_encoding", NAME).stable().scalar((c, a) -> "UTF8");
        r.def("num_nulls", SqlType.INT4).args(ANY).variadic().nonStrict().scalar((c, a) -> countNulls(a, true));
        r.def("num_nonnulls", SqlType.INT4).args(ANY).variadic().nonStrict().scalar((c, a) -> countNulls(a, false));
    }

    /** pg_size_pretty: bytes below 10 kB, then kB, MB, GB, TB, PB rounded half away from zero. */
    static String sizePretty(java.math.BigInteger size) {
        java.math.BigInteger limit = java.math.BigInteger.valueOf(10 * 1024);
        java.math.BigInteger limit2 = java.math.BigInteger.valueOf(20 * 1024 - 1);
        if (size.abs().compareTo(limit) < 0) {
            return size + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        java.math.BigInteger s = size.shiftRight(9);
        for (int i = 0; ; i++) {
            if (s.abs().compareTo(limit2) < 0 || i == units.length - 1) {
                java.math.BigInteger rounded = s.add(java.math.BigInteger.valueOf(s.signum() < 0 ? -1 : 1))
                        .divide(java.math.BigInteger.TWO);
                return rounded + " " + units[i];
            }
            s = s.shiftRight(10);
        }
    }

    private static Object sleep(EvalContext c, double seconds) {
        if (Double.isNaN(seconds) || seconds <= 0) {
            return null;
        }
        long deadline = System.nanoTime() + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0);
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            c.checkInterrupted();
            LockSupport.parkNanos(Math.min(left, 10_000_000L));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                c.checkInterrupted();
                throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
            }
        }
        return null;
    }

    private static UUID randomUuid(EvalContext c) {
        var random = c.random();
        long msb = random.nextLong();
        long lsb = random.nextLong();
        msb = (msb & ~0xF000L) | 0x4000L;
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static int countNulls(Object[] a, boolean nulls) {
        int n = 0;
        for (Object o : a) {
            if ((o == null) == nulls) {
                n++;
            }
        }
        return n;
    }
}
