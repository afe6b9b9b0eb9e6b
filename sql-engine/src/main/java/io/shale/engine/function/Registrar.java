package io.shale.engine.function;

import io.shale.common.types.SqlType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the built-in definitions while a registry is built, giving each PostgreSQL 15's
 * pg_proc oid for the same name and argument types, else a fresh one from 9000 up.
 */
final class Registrar {
    private static final Map<String, Long> PG_OIDS = loadOids();

    private final List<FunctionDefinition> definitions = new ArrayList<>();
    private long nextOid = 9000;

    List<FunctionDefinition> definitions() {
        return List.copyOf(definitions);
    }

    /** Starts a definition of {@code name} returning {@code returnType}. */
    Def def(String name, SqlType returnType) {
        return new Def(name, returnType);
    }

    FunctionDefinition add(FunctionDefinition definition) {
        definitions.add(definition);
        return definition;
    }

    private long oidFor(String name, List<SqlType> args, boolean variadic) {
        StringBuilder key = new StringBuilder(name).append('\t');
        for (int i = 0; i < args.size(); i++) {
            int oid = args.get(i).oid();
            if (variadic && i == args.size() - 1 && oid != io.shale.common.types.TypeOids.ANY) {
                oid = io.shale.common.types.BuiltinTypes.arrayOf(oid);
            }
            key.append(i == 0 ? "" : " ").append(oid);
        }
        Long pg = PG_OIDS.get(key.toString());
        return pg != null ? pg : nextOid++;
    }

    private static Map<String, Long> loadOids() {
        Map<String, Long> map = new HashMap<>();
        for (String[] f : read("pg_proc_oids.tsv")) {
            map.putIfAbsent(f[1] + "\t" + f[2], Long.parseLong(f[0]));
        }
        return Map.copyOf(map);
    }

    /** Reads a tab-separated resource of this package. */
    static List<String[]> read(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (java.io.InputStream in = Registrar.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            java.io.BufferedReader reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }

    /** A definition being described. */
    final class Def {
        private final String name;
        private final SqlType returnType;
        private List<SqlType> args = List.of();
        private boolean variadic;
        private boolean strict = true;
        private Volatility volatility = Volatility.IMMUTABLE;

        Def(String name, SqlType returnType) {
            this.name = name;
            this.returnType = returnType;
        }

        Def args(SqlType... types) {
            this.args = List.of(types);
            return this;
        }

        Def variadic() {
            this.variadic = true;
            return this;
        }

        Def nonStrict() {
            this.strict = false;
            return this;
        }

        Def stable() {
            this.volatility = Volatility.STABLE;
            return this;
        }

        Def volatileFunction() {
            this.volatility = Volatility.VOLATILE;
            return this;
        }

        FunctionDefinition scalar(ScalarFunction f) {
            return build(new FunctionKind.Scalar(f));
        }

        FunctionDefinition aggregate(AggregateFunction f) {
            return build(new FunctionKind.Aggregate(f));
        }

        /** An ordered-set aggregate (WITHIN GROUP). */
        FunctionDefinition orderedSetAggregate(AggregateFunction f) {
            return build(new FunctionKind.Aggregate(f, true));
        }

        FunctionDefinition window(WindowFunction f) {
            return build(new FunctionKind.Window(f));
        }

        FunctionDefinition setReturning(SetReturningFunction f) {
            return build(new FunctionKind.SetReturning(f, List.of(), List.of()));
        }

        FunctionDefinition setReturning(SetReturningFunction f, List<String> names, List<SqlType> types) {
            return build(new FunctionKind.SetReturning(f, names, types));
        }

        private FunctionDefinition build(FunctionKind kind) {
            return add(new FunctionDefinition(name, oidFor(name, args, variadic), args, variadic, returnType,
                    kind, strict, volatility));
        }
    }
}
