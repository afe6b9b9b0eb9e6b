package io.shale.engine.distributed;

import io.shale.catalog.Relation;
import io.shale.grammar.ast.AliasedRelation;
import io.shale.grammar.ast.BinaryOperation;
import io.shale.grammar.ast.BooleanLiteral;
import io.shale.grammar.ast.Cast;
import io.shale.grammar.ast.ColumnReference;
import io.shale.grammar.ast.DecimalLiteral;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.IntegerLiteral;
import io.shale.grammar.ast.Join;
import io.shale.grammar.ast.JoinOn;
import io.shale.grammar.ast.JoinType;
import io.shale.grammar.ast.JoinUsing;
import io.shale.grammar.ast.LogicalBinary;
import io.shale.grammar.ast.LogicalOperator;
import io.shale.grammar.ast.Parameter;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.StringLiteral;
import io.shale.grammar.ast.Table;
import io.shale.grammar.ast.TypedLiteral;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The top-level FROM items of one query block with the equalities of its WHERE and join conditions: which columns
 * are equal to each other (equivalence classes, transitively) and which are equal to a constant or a parameter. It
 * decides whether the distributed tables of the block are joined on their distribution columns and to which shard a
 * filter pins them.
 */
final class FromScope {
    /** One FROM item: its alias, its relation when it is a table (else null), its Citus table when it is one. */
    record Entry(String alias, Relation relation, ShardedTable table, io.shale.grammar.ast.Query subquery,
                 List<String> columns) {
        Entry(String alias, Relation relation, ShardedTable table) {
            this(alias, relation, table, null, List.of());
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, Expression> constants = new HashMap<>();
    private final Function<QualifiedName, Relation> resolver;
    private final Function<Relation, ShardedTable> sharded;
    private boolean opaque;
    private final List<Expression> whereConjuncts = new ArrayList<>();

    FromScope(List<io.shale.grammar.ast.Relation> from, Expression where, Function<QualifiedName, Relation> resolver,
              Function<Relation, ShardedTable> sharded) {
        this.resolver = resolver;
        this.sharded = sharded;
        List<Expression> pinning = new ArrayList<>();
        List<Expression> joining = new ArrayList<>();
        for (io.shale.grammar.ast.Relation r : from) {
            add(r, true, pinning, joining);
        }
        conjuncts(where, pinning);
        conjuncts(where, whereConjuncts);
        for (Expression e : pinning) {
            equality(e, true);
        }
        for (Expression e : joining) {
            equality(e, false);
        }
    }

    List<Entry> entries() {
        return entries;
    }

    /** The AND-ed conditions of the block's WHERE. */
    List<Expression> whereConjuncts() {
        return whereConjuncts;
    }

    /** Whether a FROM item is a subquery or a function, whose columns this scope does not know. */
    boolean hasOpaqueItems() {
        return opaque;
    }

    private void add(io.shale.grammar.ast.Relation r, boolean inner, List<Expression> pinning,
                     List<Expression> joining) {
        switch (r) {
            case Table t -> table(t.name(), t.name().last());
            case AliasedRelation a when a.relation() instanceof Table t -> table(t.name(), a.alias());
            case AliasedRelation a -> {
                opaque = true;
                io.shale.grammar.ast.Query sub = a.relation() instanceof io.shale.grammar.ast.SubqueryRelation q
                        ? q.query() : null;
                entries.add(new Entry(a.alias(), null, null, sub, outputNames(sub, a.columnAliases())));
            }
            case Join j -> {
                boolean innerJoin = inner && (j.type() == JoinType.INNER || j.type() == JoinType.CROSS);
                int leftStart = entries.size();
                add(j.left(), innerJoin, pinning, joining);
                int rightStart = entries.size();
                add(j.right(), innerJoin, pinning, joining);
                if (j.criteria() instanceof JoinOn on) {
                    conjuncts(on.condition(), innerJoin ? pinning : joining);
                } else if (j.criteria() instanceof JoinUsing using) {
                    for (String column : using.columns()) {
                        String left = firstWith(column, leftStart, rightStart);
                        String right = firstWith(column, rightStart, entries.size());
                        if (left != null && right != null) {
                            union(left, right);
                        }
                    }
                }
            }
            default -> {
                opaque = true;
                entries.add(new Entry(null, null, null));
            }
        }
    }

    private void table(QualifiedName name, String alias) {
        Relation relation = resolver.apply(name);
        entries.add(new Entry(alias, relation, relation == null ? null : sharded.apply(relation)));
    }

    private static void conjuncts(Expression e, List<Expression> out) {
        if (e instanceof LogicalBinary l && l.operator() == LogicalOperator.AND) {
            conjuncts(l.left(), out);
            conjuncts(l.right(), out);
        } else if (e != null) {
            out.add(e);
        }
    }

    private void equality(Expression e, boolean pins) {
        if (!(e instanceof BinaryOperation b) || !b.operator().symbol().equals("=") || b.operator().schema() != null) {
            return;
        }
        String left = key(b.left());
        String right = key(b.right());
        if (left != null && right != null) {
            union(left, right);
        } else if (pins && left != null && isConstant(b.right())) {
            constants.putIfAbsent(left, b.right());
        } else if (pins && right != null && isConstant(b.left())) {
            constants.putIfAbsent(right, b.left());
        }
    }

    /** Whether an expression is a literal or a parameter (possibly cast): a value known before execution. */
    static boolean isConstant(Expression e) {
        return switch (e) {
            case IntegerLiteral i -> true;
            case DecimalLiteral d -> true;
            case StringLiteral s -> true;
            case BooleanLiteral b -> true;
            case TypedLiteral t -> true;
            case Parameter p -> true;
            case Cast c -> isConstant(c.expression());
            default -> false;
        };
    }

    /** The equivalence key of a column reference to a table of this scope, or null. */
    private String key(Expression e) {
        if (!(e instanceof ColumnReference c)) {
            return null;
        }
        List<String> parts = c.name().parts();
        String column = parts.getLast();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (parts.size() >= 2) {
                if (entry.alias() != null && entry.alias().equals(parts.get(parts.size() - 2))) {
                    return hasColumn(entry, column) ? i + ":" + column : null;
                }
            }
        }
        if (parts.size() >= 2) {
            return null;
        }
        int found = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (hasColumn(entries.get(i), column)) {
                if (found >= 0) {
                    return null;
                }
                found = i;
            }
        }
        return found < 0 ? null : found + ":" + column;
    }

    /** The key of {@code column} in the first of entries {@code from} to {@code to} (exclusive) that has it, or null. */
    private String firstWith(String column, int from, int to) {
        for (int i = from; i < to; i++) {
            if (hasColumn(entries.get(i), column)) {
                return i + ":" + column;
            }
        }
        return null;
    }

    private static boolean hasColumn(Entry entry, String column) {
        return entry.relation() instanceof io.shale.catalog.Table t ? t.column(column) != null
                : entry.columns().contains(column);
    }

    /** The output column names of a FROM subquery (null where unnamed), column aliases first. */
    private static List<String> outputNames(io.shale.grammar.ast.Query sub, List<String> aliases) {
        List<String> names = new ArrayList<>();
        if (sub != null && sub.body() instanceof io.shale.grammar.ast.QuerySpecification spec) {
            for (io.shale.grammar.ast.SelectItem item : spec.selectItems()) {
                String name = null;
                if (item instanceof io.shale.grammar.ast.SingleColumn c) {
                    name = c.alias() != null ? c.alias()
                            : c.expression() instanceof ColumnReference r ? r.name().last() : null;
                }
                names.add(names.size() < aliases.size() ? aliases.get(names.size()) : name);
            }
        }
        return names;
    }

    /** The class of output column {@code position} of the subquery of entry {@code index}, or null. */
    String subqueryColumnClass(int index, int position) {
        List<String> columns = entries.get(index).columns();
        String name = position < columns.size() ? columns.get(position) : null;
        if (name == null || columns.indexOf(name) != columns.lastIndexOf(name)) {
            return null;
        }
        return find(index + ":" + name);
    }

    private String find(String key) {
        String p = parent.get(key);
        if (p == null || p.equals(key)) {
            return key;
        }
        String root = find(p);
        parent.put(key, root);
        return root;
    }

    private void union(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    /** The equivalence class of a column reference to a table of this scope, or null when it is not one. */
    String classOf(Expression e) {
        String key = key(e);
        return key == null ? null : find(key);
    }

    /** The class of the distribution column of entry {@code index}. */
    String distributionClass(int index) {
        ShardedTable t = entries.get(index).table();
        return find(index + ":" + t.distributionColumn().name());
    }

    /** The constant the distribution column of entry {@code index} (or a column equal to it) is equal to, or null. */
    Expression pin(int index) {
        String root = distributionClass(index);
        for (Map.Entry<String, Expression> c : constants.entrySet()) {
            if (find(c.getKey()).equals(root)) {
                return c.getValue();
            }
        }
        return null;
    }
}
