package io.shale.engine.function;

import io.shale.common.types.SqlType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects built-in operators while an {@link OperatorRegistry} is built, with PostgreSQL 15's
 * pg_operator oids and oprcode function names and oids where they exist (else oids from 11000).
 */
final class OperatorRegistrar {
    private record PgOperator(long oid, long procOid) {
    }

    private static final Map<String, PgOperator> PG_OPERATORS = loadOperators();
    private static final Map<Long, String> PG_PROC_NAMES = loadProcNames();

    private final List<OperatorDefinition> operators = new ArrayList<>();
    private final Map<Long, FunctionDefinition> functions = new HashMap<>();
    private long nextOid = 11000;

    List<OperatorDefinition> operators() {
        return List.copyOf(operators);
    }

    /** A binary operator; immutable and strict. */
    void binary(String symbol, SqlType left, SqlType right, SqlType result, ScalarFunction f) {
        add(symbol, left, right, result, f, Volatility.IMMUTABLE);
    }

    /** A binary operator whose result depends on session settings (time zone). */
    void binaryStable(String symbol, SqlType left, SqlType right, SqlType result, ScalarFunction f) {
        add(symbol, left, right, result, f, Volatility.STABLE);
    }

    void prefix(String symbol, SqlType operand, SqlType result, ScalarFunction f) {
        add(symbol, null, operand, result, f, Volatility.IMMUTABLE);
    }

    private void add(String symbol, SqlType left, SqlType right, SqlType result, ScalarFunction f,
                     Volatility volatility) {
        PgOperator pg = PG_OPERATORS.get(symbol + "\t" + (left == null ? 0 : left.oid()) + "\t" + right.oid());
        long oid = pg != null ? pg.oid : nextOid++;
        String procName = pg != null ? PG_PROC_NAMES.get(pg.procOid) : null;
        long procOid = pg != null && procName != null ? pg.procOid : nextOid++;
        if (procName == null) {
            procName = "shale_operator_" + oid;
        }
        List<SqlType> args = left == null ? List.of(right) : List.of(left, right);
        FunctionDefinition fn = functions.get(procOid);
        if (fn == null) {
            fn = new FunctionDefinition(procName, procOid, args, false, result, new FunctionKind.Scalar(f), true,
                    volatility);
            functions.put(procOid, fn);
        }
        operators.add(new OperatorDefinition(symbol, oid, left, right, fn));
    }

    private static Map<String, PgOperator> loadOperators() {
        Map<String, PgOperator> map = new HashMap<>();
        for (String[] f : Registrar.read("pg_operator_oids.tsv")) {
            map.putIfAbsent(f[1] + "\t" + f[2] + "\t" + f[3], new PgOperator(Long.parseLong(f[0]), Long.parseLong(f[4])));
        }
        return Map.copyOf(map);
    }

    private static Map<Long, String> loadProcNames() {
        Map<Long, String> map = new HashMap<>();
        for (String[] f : Registrar.read("pg_proc_oids.tsv")) {
            map.put(Long.parseLong(f[0]), f[1]);
        }
        return Map.copyOf(map);
    }
}
