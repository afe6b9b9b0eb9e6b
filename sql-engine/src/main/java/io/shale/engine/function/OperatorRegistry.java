package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in operators of one engine and their resolution with PostgreSQL's rules
 * (documentation 10.2). Immutable after construction; safe to share.
 */
public final class OperatorRegistry {
    static final String NO_MATCH_HINT =
            "No operator matches the given name and argument types. You might need to add explicit type casts.";
    static final String AMBIGUOUS_HINT =
            "Could not choose a best candidate operator. You might need to add explicit type casts.";

    private final List<OperatorDefinition> all;
    private final Map<String, List<OperatorDefinition>> bySymbol;

    public OperatorRegistry() {
        OperatorRegistrar registrar = new OperatorRegistrar();
        BuiltinOperators.registerAll(registrar);
        this.all = registrar.operators();
        Map<String, List<OperatorDefinition>> symbols = new HashMap<>();
        for (OperatorDefinition d : all) {
            symbols.computeIfAbsent(d.symbol(), k -> new ArrayList<>()).add(d);
        }
        symbols.replaceAll((k, v) -> List.copyOf(v));
        this.bySymbol = Map.copyOf(symbols);
    }

    /** Every operator, for pg_operator. */
    public List<OperatorDefinition> all() {
        return all;
    }

    /** The functions behind the operators (oprcode), for pg_proc. */
    public List<FunctionDefinition> functions() {
        List<FunctionDefinition> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (OperatorDefinition d : all) {
            if (seen.add(d.function().oid())) {
                out.add(d.function());
            }
        }
        return List.copyOf(out);
    }

    public List<OperatorDefinition> lookup(String symbol) {
        return bySymbol.getOrDefault(symbol, List.of());
    }

    /** Resolves {@code left symbol right}; 42883 when no operator fits, 42725 when several do. */
    public OperatorResolution resolveBinary(String symbol, SqlType left, SqlType right) {
        return resolve(symbol, left, right);
    }

    /**
     * Resolves {@code left symbol ANY/ALL (right)}: the operator is chosen for the left operand
     * and the array's element type (an unknown literal array is taken as an array of the left
     * operand's type); its rightType is that element type and it must yield boolean (42809).
     */
    public OperatorResolution resolveScalarArray(String symbol, SqlType left, SqlType right) {
        SqlType element;
        if (right.oid() == TypeOids.UNKNOWN) {
            element = left.oid() == TypeOids.UNKNOWN ? SqlType.TEXT : left;
        } else if (Polymorphism.isArray(right.oid())) {
            element = SqlType.of(io.shale.common.types.BuiltinTypes.elementOf(right.oid()));
        } else {
            throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "op ANY/ALL (array) requires array on right side");
        }
        OperatorResolution r = resolveBinary(symbol, left, element);
        if (r.returnType().oid() != TypeOids.BOOL) {
            throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "op ANY/ALL (array) requires operator to yield boolean");
        }
        return r;
    }

    /** The array type whose elements are {@code element} (0 when the type has none). */
    public static int arrayTypeOf(int elementOid) {
        return io.shale.common.types.BuiltinTypes.arrayOf(elementOid);
    }

    /** Resolves the prefix operator {@code symbol operand}. */
    public OperatorResolution resolvePrefix(String symbol, SqlType operand) {
        return resolve(symbol, null, operand);
    }

    private OperatorResolution resolve(String written, SqlType left, SqlType right) {
        String symbol = written.equals("!=") ? "<>" : written;
        boolean prefix = left == null;
        List<SqlType> actual = prefix ? List.of(right) : List.of(left, right);
        List<CandidateResolver.Candidate<OperatorDefinition>> candidates = new ArrayList<>();
        for (OperatorDefinition d : lookup(symbol)) {
            if (d.prefix() == prefix) {
                candidates.add(new CandidateResolver.Candidate<>(d, d.function().argumentTypes()));
            }
        }
        if (!prefix && (left.oid() == TypeOids.UNKNOWN) != (right.oid() == TypeOids.UNKNOWN)) {
            SqlType known = left.oid() == TypeOids.UNKNOWN ? right : left;
            List<SqlType> assumed = List.of(known, known);
            for (CandidateResolver.Candidate<OperatorDefinition> c : candidates) {
                if (CandidateResolver.exactMatch(c.declared(), assumed)) {
                    return result(symbol, c.item(), List.of(SqlType.of(known.oid()), SqlType.of(known.oid())), actual);
                }
            }
        }
        return switch (CandidateResolver.choose(candidates, actual)) {
            case CandidateResolver.Outcome.Chosen<OperatorDefinition>(var choice) ->
                    result(symbol, choice.item(), choice.targets(), actual);
            case CandidateResolver.Outcome.NoneMatch<OperatorDefinition>() -> throw new ShaleException(
                    ErrorCode.UNDEFINED_FUNCTION, "operator does not exist: " + describe(symbol, left, right))
                    .withHint(NO_MATCH_HINT);
            case CandidateResolver.Outcome.Ambiguous<OperatorDefinition>() -> throw new ShaleException(
                    ErrorCode.AMBIGUOUS_FUNCTION, "operator is not unique: " + describe(symbol, left, right))
                    .withHint(AMBIGUOUS_HINT);
        };
    }

    private static OperatorResolution result(String symbol, OperatorDefinition d, List<SqlType> targets,
                                             List<SqlType> actual) {
        FunctionDefinition f = d.function();
        SqlType ret = Polymorphism.substitute(f.returnType(), f.argumentTypes(), targets);
        if (d.prefix()) {
            return new OperatorResolution(symbol, d, f, null, targets.getFirst(), ret);
        }
        return new OperatorResolution(symbol, d, f, targets.get(0), targets.get(1), ret);
    }

    private static String describe(String symbol, SqlType left, SqlType right) {
        return left == null ? symbol + " " + io.shale.common.types.TypeNames.format(right)
                : io.shale.common.types.TypeNames.format(left) + " " + symbol + " " + io.shale.common.types.TypeNames.format(right);
    }
}
