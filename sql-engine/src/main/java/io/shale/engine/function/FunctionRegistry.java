package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in functions of one engine, looked up by name or oid and resolved for a call with
 * PostgreSQL's rules (documentation 10.3). Immutable after construction; safe to share.
 */
public final class FunctionRegistry {
    public static final String NO_MATCH_HINT =
            "No function matches the given name and argument types. You might need to add explicit type casts.";
    static final String AMBIGUOUS_HINT =
            "Could not choose a best candidate function. You might need to add explicit type casts.";

    private final List<FunctionDefinition> all;
    private final Map<String, List<FunctionDefinition>> byName;
    private final Map<Long, FunctionDefinition> byOid;

    public FunctionRegistry() {
        this(List.of());
    }

    /**
     * The built-in functions plus {@code extra} ones defined elsewhere in the engine (the catalog
     * information functions); a name in both keeps every signature.
     */
    public FunctionRegistry(List<FunctionDefinition> extra) {
        Registrar registrar = new Registrar();
        BuiltinFunctions.registerAll(registrar);
        List<FunctionDefinition> definitions = new ArrayList<>(registrar.definitions());
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (FunctionDefinition d : definitions) {
            taken.add(d.oid());
        }
        for (FunctionDefinition d : extra) {
            if (taken.add(d.oid())) {
                definitions.add(d);
            }
        }
        this.all = List.copyOf(definitions);
        Map<String, List<FunctionDefinition>> names = new HashMap<>();
        Map<Long, FunctionDefinition> oids = new HashMap<>();
        for (FunctionDefinition d : all) {
            names.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
            if (oids.put(d.oid(), d) != null) {
                throw new IllegalStateException("duplicate function oid " + d.oid() + " for " + d.name());
            }
        }
        names.replaceAll((k, v) -> List.copyOf(v));
        this.byName = Map.copyOf(names);
        this.byOid = Map.copyOf(oids);
    }

    /** All functions of this name (already case-folded), in registration order. */
    public List<FunctionDefinition> lookup(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** Every built-in function, for pg_proc. */
    public List<FunctionDefinition> all() {
        return all;
    }

    public Optional<FunctionDefinition> byOid(long oid) {
        return Optional.ofNullable(byOid.get(oid));
    }

    /**
     * Chooses the function a call {@code name(args)} means; 42883 when none fits, 42725 when
     * several fit equally. An {@link SqlType#UNKNOWN} argument is an untyped literal.
     */
    public Resolution resolve(String name, List<SqlType> argumentTypes) {
        List<CandidateResolver.Candidate<FunctionDefinition>> candidates = new ArrayList<>();
        for (FunctionDefinition d : lookup(name)) {
            List<SqlType> declared = spread(d, argumentTypes.size());
            if (declared != null) {
                candidates.add(new CandidateResolver.Candidate<>(d, declared));
            }
        }
        return switch (CandidateResolver.choose(candidates, argumentTypes)) {
            case CandidateResolver.Outcome.Chosen<FunctionDefinition>(var choice) -> {
                FunctionDefinition d = choice.item();
                List<SqlType> declared = spread(d, argumentTypes.size());
                yield new Resolution(d, choice.targets(),
                        Polymorphism.substitute(d.returnType(), declared, choice.targets()));
            }
            case CandidateResolver.Outcome.NoneMatch<FunctionDefinition>() -> throw new ShaleException(
                    ErrorCode.UNDEFINED_FUNCTION, "function " + signature(name, argumentTypes) + " does not exist")
                    .withHint(NO_MATCH_HINT);
            case CandidateResolver.Outcome.Ambiguous<FunctionDefinition>() -> throw new ShaleException(
                    ErrorCode.AMBIGUOUS_FUNCTION, "function " + signature(name, argumentTypes) + " is not unique")
                    .withHint(AMBIGUOUS_HINT);
        };
    }

    /** The declared types of {@code d} for a call with {@code count} arguments, or null. */
    static List<SqlType> spread(FunctionDefinition d, int count) {
        List<SqlType> declared = d.argumentTypes();
        if (!d.variadic()) {
            return declared.size() == count ? declared : null;
        }
        if (count < declared.size()) {
            return null;
        }
        List<SqlType> out = new ArrayList<>(declared.subList(0, declared.size() - 1));
        while (out.size() < count) {
            out.add(declared.getLast());
        }
        return out;
    }

    /** {@code name(type, type)} with type names as format_type prints them. */
    static String signature(String name, List<SqlType> types) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < types.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(io.shale.common.types.TypeNames.format(types.get(i)));
        }
        return sb.append(')').toString();
    }
}
