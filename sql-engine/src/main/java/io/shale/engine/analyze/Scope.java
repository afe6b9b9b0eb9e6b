package io.shale.engine.analyze;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The names visible to expressions of one query level: the FROM items with their row positions,
 * columns merged by JOIN USING, and the enclosing query's scope for correlated references.
 */
final class Scope {
    final Scope parent;
    final List<ScopeEntry> entries;
    final List<Merged> merged;
    final int width;

    Scope(Scope parent, List<ScopeEntry> entries, List<Merged> merged) {
        this.parent = parent;
        this.entries = List.copyOf(entries);
        this.merged = List.copyOf(merged);
        int w = 0;
        for (ScopeEntry e : entries) {
            w = Math.max(w, e.offset() + e.width());
        }
        this.width = w;
    }

    static Scope empty(Scope parent) {
        return new Scope(parent, List.of(), List.of());
    }

    /**
     * A column merged by JOIN USING or NATURAL: unqualified references use {@code expr}; the
     * columns it merges are left out of {@code *}.
     */
    record Merged(String name, Expr expr, List<int[]> hiddenColumns) {
    }

    /** Finds a column; returns its expression at this level (depth 0) or an outer reference. */
    Expr resolve(List<String> parts, int position) {
        Expr found = resolveHere(parts, position);
        if (found != null) {
            return found;
        }
        int depth = 1;
        for (Scope s = parent; s != null; s = s.parent, depth++) {
            Expr outer = s.resolveHere(parts, position);
            if (outer != null) {
                return outer instanceof Expr.ColumnRef c ? new Expr.OuterRef(depth, c.index(), c.type())
                        : outer instanceof Expr.OuterRef o ? new Expr.OuterRef(depth + o.depth(), o.index(), o.type())
                        : Outer.shift(outer, depth);
            }
        }
        String name = String.join(".", parts);
        if (parts.size() > 1) {
            String qualifier = String.join(".", parts.subList(0, parts.size() - 1));
            if (!hasQualifier(qualifier)) {
                throw new ShaleException(ErrorCode.UNDEFINED_TABLE,
                        "missing FROM-clause entry for table \"" + parts.get(parts.size() - 2) + "\"").withPosition(position);
            }
        }
        ShaleException missing = new ShaleException(ErrorCode.UNDEFINED_COLUMN, "column " + quoteName(name) + " does not exist")
                .withPosition(position);
        String suggestion = parts.size() == 1 ? closestColumn(parts.get(0)) : null;
        throw suggestion == null ? missing : missing.withHint("Perhaps you meant to reference the column \"" + suggestion + "\".");
    }

    /**
     * The visible column closest in spelling to a name that was not found, as PostgreSQL
     * suggests it: at most 3 edits, and at most half the name's length.
     */
    private String closestColumn(String name) {
        String best = null;
        int bestDistance = 4;
        for (Scope s = this; s != null; s = s.parent) {
            for (ScopeEntry e : s.entries) {
                for (int i = 0; i < e.width(); i++) {
                    if (e.hidden().get(i)) {
                        continue;
                    }
                    int d = Levenshtein.distance(name, e.names().get(i));
                    if (d < bestDistance && d <= name.length() / 2) {
                        bestDistance = d;
                        best = (e.alias() == null ? "" : e.alias() + ".") + e.names().get(i);
                    }
                }
            }
        }
        return best;
    }

    private static String quoteName(String name) {
        return "\"" + name.replace(".", "\".\"") + "\"";
    }

    private boolean hasQualifier(String qualifier) {
        for (Scope s = this; s != null; s = s.parent) {
            for (ScopeEntry e : s.entries) {
                if (qualifier.equals(e.alias()) || qualifier.equals(e.schema() + "." + e.alias())) {
                    return true;
                }
            }
        }
        return false;
    }

    private Expr resolveHere(List<String> parts, int position) {
        String column = parts.get(parts.size() - 1);
        if (parts.size() == 1) {
            for (Merged m : merged) {
                if (m.name().equals(column)) {
                    return m.expr();
                }
            }
            Expr found = null;
            for (ScopeEntry e : entries) {
                int i = e.indexOf(column);
                if (i == -2 || i >= 0 && found != null) {
                    throw new ShaleException(ErrorCode.AMBIGUOUS_COLUMN,
                            "column reference \"" + column + "\" is ambiguous").withPosition(position);
                }
                if (i >= 0) {
                    found = new Expr.ColumnRef(e.offset() + i, e.types().get(i), column);
                }
            }
            return found;
        }
        String alias = parts.get(parts.size() - 2);
        String schema = parts.size() > 2 ? parts.get(parts.size() - 3) : null;
        for (ScopeEntry e : entries) {
            if (alias.equals(e.alias()) && (schema == null || schema.equals(e.schema()))) {
                int i = e.indexOf(column);
                if (i == -2) {
                    throw new ShaleException(ErrorCode.AMBIGUOUS_COLUMN,
                            "column reference \"" + column + "\" is ambiguous").withPosition(position);
                }
                if (i < 0) {
                    throw new ShaleException(ErrorCode.UNDEFINED_COLUMN,
                            "column " + alias + "." + column + " does not exist").withPosition(position);
                }
                return new Expr.ColumnRef(e.offset() + i, e.types().get(i), column);
            }
        }
        return null;
    }

    /** The entry of a qualifier ({@code t} or {@code s.t}), searching this level only. */
    ScopeEntry entry(List<String> qualifier, int position) {
        String alias = qualifier.get(qualifier.size() - 1);
        for (ScopeEntry e : entries) {
            if (alias.equals(e.alias())) {
                return e;
            }
        }
        throw new ShaleException(ErrorCode.UNDEFINED_TABLE,
                "missing FROM-clause entry for table \"" + alias + "\"").withPosition(position);
    }

    /** One column of {@code *}: its name, its value and, for a base column, where it comes from. */
    record StarColumn(String name, Expr expr, int tableOid, short attnum) {
    }

    /** The columns of {@code *}: merged columns first, then every visible column in order. */
    List<StarColumn> star() {
        List<StarColumn> columns = new ArrayList<>();
        List<int[]> hidden = new ArrayList<>();
        for (Merged m : merged) {
            columns.add(new StarColumn(m.name(), m.expr(), 0, (short) 0));
            hidden.addAll(m.hiddenColumns());
        }
        for (ScopeEntry e : entries) {
            columns.addAll(entryColumns(e, hidden));
        }
        return columns;
    }

    /** The columns of {@code t.*}. */
    static List<StarColumn> entryColumns(ScopeEntry e, List<int[]> hidden) {
        List<StarColumn> columns = new ArrayList<>();
        for (int i = 0; i < e.width(); i++) {
            if (e.hidden().get(i) || isHidden(hidden, e.offset() + i)) {
                continue;
            }
            columns.add(new StarColumn(e.names().get(i),
                    new Expr.ColumnRef(e.offset() + i, e.types().get(i), e.names().get(i)),
                    e.tableOid(), e.attnums().get(i)));
        }
        return columns;
    }

    private static boolean isHidden(List<int[]> hidden, int index) {
        for (int[] h : hidden) {
            if (h[0] == index) {
                return true;
            }
        }
        return false;
    }

    /** Outer references inside a merged expression, moved out by {@code depth} levels. */
    private static final class Outer {
        private Outer() {
        }

        static Expr shift(Expr expr, int depth) {
            if (expr instanceof Expr.Coalesce c) {
                List<Expr> args = new ArrayList<>();
                for (Expr a : c.arguments()) {
                    args.add(a instanceof Expr.ColumnRef r ? new Expr.OuterRef(depth, r.index(), r.type()) : a);
                }
                return new Expr.Coalesce(args, c.type());
            }
            return expr;
        }
    }

}
