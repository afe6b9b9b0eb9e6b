package io.shale.engine.function;

import io.shale.common.types.SqlType;
import io.shale.common.types.TypeCategory;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's choice among same-named candidates (documentation 10.2 "Operators" and 10.3
 * "Functions"): an exact match, else the implicitly coercible candidates narrowed by most exact
 * matches, then by preferred types, then by the category of unknown literals, then by taking
 * the known arguments' type for the unknown ones.
 */
final class CandidateResolver {
    private CandidateResolver() {
    }

    /** A candidate with its declared types spread to the call's argument count. */
    record Candidate<T>(T item, List<SqlType> declared) {
    }

    /** A chosen candidate and the type each argument must be cast to. */
    record Choice<T>(T item, List<SqlType> targets) {
    }

    /** The outcome: a choice, or no candidate at all, or several equally good ones. */
    sealed interface Outcome<T> {
        record Chosen<T>(Choice<T> choice) implements Outcome<T> {
        }

        record NoneMatch<T>() implements Outcome<T> {
        }

        record Ambiguous<T>() implements Outcome<T> {
        }
    }

    static <T> Outcome<T> choose(List<Candidate<T>> candidates, List<SqlType> actual) {
        Choice<T> exact = null;
        for (Candidate<T> c : candidates) {
            if (exactMatch(c.declared, actual)) {
                if (exact == null) {
                    exact = new Choice<>(c.item, actual);
                }
            }
        }
        if (exact != null) {
            return new Outcome.Chosen<>(exact);
        }
        List<Choice<T>> viable = new ArrayList<>();
        List<List<SqlType>> declaredOfViable = new ArrayList<>();
        for (Candidate<T> c : candidates) {
            List<SqlType> targets = Polymorphism.targets(c.declared, actual);
            if (targets != null) {
                viable.add(new Choice<>(c.item, targets));
                declaredOfViable.add(c.declared);
            }
        }
        if (viable.isEmpty()) {
            return new Outcome.NoneMatch<>();
        }
        if (viable.size() == 1) {
            return new Outcome.Chosen<>(viable.getFirst());
        }
        int[] indexes = range(viable.size());
        indexes = keepBest(indexes, i -> exactCount(declaredOfViable.get(i), actual));
        indexes = keepBest(indexes, i -> preferredCount(declaredOfViable.get(i), actual));
        if (indexes.length > 1) {
            indexes = byUnknownCategories(indexes, declaredOfViable, actual);
        }
        if (indexes.length > 1) {
            indexes = byKnownTypeForUnknowns(indexes, declaredOfViable, actual);
        }
        if (indexes.length == 1) {
            return new Outcome.Chosen<>(viable.get(indexes[0]));
        }
        return new Outcome.Ambiguous<>();
    }

    static boolean exactMatch(List<SqlType> declared, List<SqlType> actual) {
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).oid() != actual.get(i).oid()) {
                return false;
            }
        }
        return true;
    }

    private static int exactCount(List<SqlType> declared, List<SqlType> actual) {
        int n = 0;
        for (int i = 0; i < declared.size(); i++) {
            if (actual.get(i).oid() != TypeOids.UNKNOWN && declared.get(i).oid() == actual.get(i).oid()) {
                n++;
            }
        }
        return n;
    }

    private static int preferredCount(List<SqlType> declared, List<SqlType> actual) {
        int n = 0;
        for (int i = 0; i < declared.size(); i++) {
            int a = actual.get(i).oid();
            int d = declared.get(i).oid();
            if (a != TypeOids.UNKNOWN && (d == a
                    || TypeCategory.preferred(d) && TypeCategory.of(d) == TypeCategory.of(a))) {
                n++;
            }
        }
        return n;
    }

    private static int[] byUnknownCategories(int[] indexes, List<List<SqlType>> declared, List<SqlType> actual) {
        int[] current = indexes;
        for (int pos = 0; pos < actual.size(); pos++) {
            if (actual.get(pos).oid() != TypeOids.UNKNOWN) {
                continue;
            }
            StringBuilder categories = new StringBuilder();
            for (int i : current) {
                char c = TypeCategory.of(declared.get(i).get(pos).oid()).letter();
                if (categories.indexOf(String.valueOf(c)) < 0) {
                    categories.append(c);
                }
            }
            char selected;
            if (categories.indexOf("S") >= 0) {
                selected = 'S';
            } else if (categories.length() == 1) {
                selected = categories.charAt(0);
            } else {
                return current;
            }
            final int p = pos;
            final char category = selected;
            current = filter(current, i -> TypeCategory.of(declared.get(i).get(p).oid()).letter() == category);
            boolean anyPreferred = false;
            for (int i : current) {
                anyPreferred |= TypeCategory.preferred(declared.get(i).get(pos).oid());
            }
            if (anyPreferred) {
                current = filter(current, i -> TypeCategory.preferred(declared.get(i).get(p).oid()));
            }
        }
        return current.length == 0 ? indexes : current;
    }

    private static int[] byKnownTypeForUnknowns(int[] indexes, List<List<SqlType>> declared, List<SqlType> actual) {
        int known = 0;
        boolean hasUnknown = false;
        for (SqlType t : actual) {
            if (t.oid() == TypeOids.UNKNOWN) {
                hasUnknown = true;
            } else if (known == 0) {
                known = t.oid();
            } else if (known != t.oid()) {
                return indexes;
            }
        }
        if (!hasUnknown || known == 0) {
            return indexes;
        }
        List<SqlType> assumed = new ArrayList<>(actual.size());
        for (SqlType t : actual) {
            assumed.add(t.oid() == TypeOids.UNKNOWN ? SqlType.of(known) : t);
        }
        int[] result = filter(indexes, i -> Polymorphism.targets(declared.get(i), assumed) != null);
        return result.length == 1 ? result : indexes;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static int[] keepBest(int[] indexes, java.util.function.IntUnaryOperator score) {
        int best = -1;
        for (int i : indexes) {
            best = Math.max(best, score.applyAsInt(i));
        }
        final int max = best;
        return filter(indexes, i -> score.applyAsInt(i) == max);
    }

    private static int[] filter(int[] indexes, java.util.function.IntPredicate keep) {
        int[] out = new int[indexes.length];
        int n = 0;
        for (int i : indexes) {
            if (keep.test(i)) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
