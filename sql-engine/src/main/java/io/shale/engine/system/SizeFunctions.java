package io.shale.engine.system;

import io.shale.catalog.Database;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.TypeOids;
import io.shale.engine.function.EvalContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static io.shale.engine.system.CatalogFunctions.INT8;
import static io.shale.engine.system.CatalogFunctions.NAME;
import static io.shale.engine.system.CatalogFunctions.OID;
import static io.shale.engine.system.CatalogFunctions.REGCLASS;
import static io.shale.engine.system.CatalogFunctions.TEXT;
import static io.shale.engine.system.CatalogFunctions.oidArgument;
import static io.shale.engine.system.CatalogFunctions.scalar;

/** pg_relation_size and friends over the storage's sizes, and pg_size_pretty. */
public final class SizeFunctions {
    private SizeFunctions() {
    }

    static void addTo(List<CatalogFunction> out, CatalogServices s) {
        RelationSizes sizes = s.sizes();
        out.add(scalar("pg_relation_size", 2325, List.of(REGCLASS), INT8, 'v', (c, a) -> relation(c, a[0], sizes)));
        out.add(scalar("pg_relation_size", 2332, List.of(REGCLASS, TEXT), INT8, 'v',
                (c, a) -> "main".equals(a[1]) ? relation(c, a[0], sizes) : exists(c, a[0]) ? (Object) 0L : null));
        out.add(scalar("pg_table_size", 2997, List.of(REGCLASS), INT8, 'v', (c, a) -> relation(c, a[0], sizes)));
        out.add(scalar("pg_indexes_size", 2998, List.of(REGCLASS), INT8, 'v', (c, a) -> indexes(c, a[0], sizes)));
        out.add(scalar("pg_total_relation_size", 2286, List.of(REGCLASS), INT8, 'v', (c, a) -> {
            Long table = relation(c, a[0], sizes);
            return table == null ? null : table + indexes(c, a[0], sizes);
        }));
        out.add(scalar("pg_database_size", 2168, List.of(NAME), INT8, 'v', (c, a) -> {
            Database d = c.catalog().database((String) a[0]);
            if (d == null) {
                throw new ShaleException(ErrorCode.INVALID_CATALOG_NAME, "database \"" + a[0] + "\" does not exist");
            }
            return sizes.databaseSize(d.oid());
        }));
        out.add(scalar("pg_database_size", 2324, List.of(OID), INT8, 'v', (c, a) -> {
            Database d = c.catalog().database((int) oidArgument(a[0]));
            return d == null ? null : sizes.databaseSize(d.oid());
        }));
        out.add(scalar("pg_size_pretty", 2288, List.of(INT8), TEXT, 'i', (c, a) -> pretty((Long) a[0])));
        out.add(scalar("pg_size_pretty", 3166, List.of(TypeOids.NUMERIC), TEXT, 'i', (c, a) -> pretty((BigDecimal) a[0])));
    }

    private static boolean exists(EvalContext c, Object oid) {
        return c.catalog().objects(c.databaseOid()).relation((int) oidArgument(oid)) != null;
    }

    private static Long relation(EvalContext c, Object oid, RelationSizes sizes) {
        return exists(c, oid) ? sizes.relationSize((int) oidArgument(oid)) : null;
    }

    private static Long indexes(EvalContext c, Object oid, RelationSizes sizes) {
        Relation r = c.catalog().objects(c.databaseOid()).relation((int) oidArgument(oid));
        if (r == null) {
            return null;
        }
        long total = 0;
        if (r instanceof Table) {
            for (Index i : c.catalog().objects(c.databaseOid()).indexesOf(r.oid())) {
                total += sizes.relationSize(i.oid());
            }
        }
        return total;
    }

    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB"};

    /**
     * PostgreSQL 15's pg_size_pretty(bigint): bytes below 10 kB, else the unit that keeps the number
     * below 20 × 1024, dividing toward zero and rounding the last half away from zero.
     */
    public static String pretty(long size) {
        final long limit = 10 * 1024;
        final long limit2 = limit * 2 - 1;
        if (size > -limit && size < limit) {
            return size + " bytes";
        }
        size /= 1 << 9;
        for (int unit = 0; ; unit++) {
            if (Math.abs(size) < limit2 || unit == UNITS.length - 1) {
                return halfRounded(size) + " " + UNITS[unit];
            }
            size /= 1 << 10;
        }
    }

    private static long halfRounded(long x) {
        return (x + (x < 0 ? -1 : 1)) / 2;
    }

    /** pg_size_pretty(numeric): the same steps in exact arithmetic. */
    static String pretty(BigDecimal size) {
        BigDecimal limit = BigDecimal.valueOf(10 * 1024);
        BigDecimal limit2 = BigDecimal.valueOf(10 * 1024 * 2 - 1);
        if (size.abs().compareTo(limit) < 0) {
            return size.toPlainString() + " bytes";
        }
        BigDecimal s = size.divide(BigDecimal.valueOf(512), 0, RoundingMode.DOWN);
        for (int unit = 0; ; unit++) {
            if (s.abs().compareTo(limit2) < 0 || unit == UNITS.length - 1) {
                BigDecimal half = s.add(BigDecimal.valueOf(s.signum() < 0 ? -1 : 1))
                        .divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
                return half.toPlainString() + " " + UNITS[unit];
            }
            s = s.divide(BigDecimal.valueOf(1024), 0, RoundingMode.DOWN);
        }
    }
}
