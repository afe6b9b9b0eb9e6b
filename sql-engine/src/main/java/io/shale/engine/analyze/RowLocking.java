package io.shale.engine.analyze;

import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.PlanNode;
import io.shale.engine.plan.RowMark;
import io.shale.grammar.ast.LockStrength;
import io.shale.grammar.ast.LockWaitPolicy;
import io.shale.grammar.ast.LockingClause;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The locking clauses of a SELECT block (FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE [OF …]
 * [NOWAIT | SKIP LOCKED]) with PostgreSQL's rules: what they may not be combined with, which FROM
 * items they reach (views and subqueries get them pushed into their own query), the nullable
 * side of outer joins, and the strongest clause winning for a table named by several.
 */
public final class RowLocking {
    /** What a FROM item is, as far as locking clauses care. */
    enum ItemKind { TABLE, VIEW, SUBQUERY, FUNCTION, CTE, SYSTEM }

    private RowLocking() {
    }

    /** PostgreSQL's name of a clause's strength: {@code FOR UPDATE}, {@code FOR KEY SHARE}… */
    public static String name(LockStrength strength) {
        return switch (strength) {
            case UPDATE -> "FOR UPDATE";
            case NO_KEY_UPDATE -> "FOR NO KEY UPDATE";
            case SHARE -> "FOR SHARE";
            case KEY_SHARE -> "FOR KEY SHARE";
        };
    }

    /** 0A000 {@code FOR UPDATE is not allowed with <what>} for the first clause. */
    static ShaleException notAllowed(List<LockingClause> locking, String what) {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, name(locking.getFirst().strength())
                + " is not allowed with " + what);
    }

    /** 0A000 {@code FOR UPDATE cannot be applied to <what>} for the first clause. */
    static ShaleException cannotApply(LockingClause clause, String what) {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, name(clause.strength()) + " cannot be applied to "
                + what);
    }

    /** The clauses that reach the FROM item {@code alias}, as clauses without OF (to push into its query). */
    static List<LockingClause> reaching(List<LockingClause> locking, String alias) {
        List<LockingClause> result = new ArrayList<>();
        for (LockingClause clause : locking) {
            if (clause.tables().isEmpty() || names(clause, alias)) {
                result.add(new LockingClause(clause.strength(), List.of(), clause.waitPolicy()));
            }
        }
        return result;
    }

    /** {@code query} with the clauses that reach it from the enclosing block; VALUES is reached only by OF. */
    static Query pushInto(Query query, List<LockingClause> locking, String alias) {
        List<LockingClause> reaching = reaching(locking, alias);
        if (reaching.isEmpty()) {
            return query;
        }
        if (query.body() instanceof Values && locking.stream().noneMatch(c -> names(c, alias))) {
            return query;
        }
        List<LockingClause> all = new ArrayList<>(query.locking());
        all.addAll(reaching);
        return new Query(query.with(), query.body(), query.orderBy(), query.limit(), query.offset(), all);
    }

    private static boolean names(LockingClause clause, String alias) {
        for (QualifiedName name : clause.tables()) {
            if (name.parts().size() == 1 && name.parts().getFirst().equals(alias)) {
                return true;
            }
        }
        return false;
    }

    /** The locked tables of a block, and the conditions a changed row is re-checked against. */
    record Marks(List<RowMark> marks, Expr joinConditions) {
    }

    /**
     * Resolves the clauses against the block's FROM items: base tables get a {@link RowMark}
     * (strongest strength; NOWAIT over SKIP LOCKED over waiting), other kinds are refused when
     * named, or skipped.
     */
    static Marks resolve(List<LockingClause> locking, List<ScopeEntry> entries, Map<String, ItemKind> kinds,
                         PlanNode from, AnalyzerContext context) {
        Map<Integer, LockingClause> chosen = new LinkedHashMap<>();
        for (LockingClause clause : locking) {
            if (clause.tables().isEmpty()) {
                for (int i = 0; i < entries.size(); i++) {
                    if (kinds.get(entries.get(i).alias()) == ItemKind.TABLE) {
                        chosen.merge(i, clause, RowLocking::stronger);
                    }
                }
                continue;
            }
            for (QualifiedName name : clause.tables()) {
                if (name.parts().size() > 1) {
                    throw new ShaleException(ErrorCode.SYNTAX_ERROR, name(clause.strength())
                            + " must specify unqualified relation names");
                }
                String alias = name.parts().getFirst();
                int found = -1;
                for (int i = 0; i < entries.size() && found < 0; i++) {
                    if (alias.equals(entries.get(i).alias()) && kinds.containsKey(alias)) {
                        found = i;
                    }
                }
                if (found < 0) {
                    throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + alias + "\" in "
                            + name(clause.strength()) + " clause not found in FROM clause");
                }
                switch (kinds.get(alias)) {
                    case TABLE -> chosen.merge(found, clause, RowLocking::stronger);
                    case FUNCTION -> throw cannotApply(clause, "a function");
                    case CTE -> throw cannotApply(clause, "a WITH query");
                    case VIEW, SUBQUERY, SYSTEM -> {
                    }
                }
            }
        }
        List<int[]> nullable = new ArrayList<>();
        List<Expr> conditions = new ArrayList<>();
        walk(from, 0, false, nullable, conditions);
        List<RowMark> marks = new ArrayList<>();
        for (Map.Entry<Integer, LockingClause> e : chosen.entrySet()) {
            ScopeEntry entry = entries.get(e.getKey());
            for (int[] range : nullable) {
                if (entry.offset() >= range[0] && entry.offset() < range[1]) {
                    throw cannotApply(e.getValue(), "the nullable side of an outer join");
                }
            }
            Table table = (Table) context.objects.relation(entry.tableOid());
            marks.add(new RowMark(table, entry.offset(), strength(e.getValue().strength()),
                    waitPolicy(e.getValue().waitPolicy())));
        }
        return new Marks(marks, conditions.isEmpty() ? null
                : conditions.size() == 1 ? conditions.getFirst() : new Expr.And(conditions));
    }

    /** Collects the column ranges on the nullable side of outer joins, and inner join conditions. */
    private static void walk(PlanNode node, int offset, boolean nullable, List<int[]> ranges, List<Expr> conditions) {
        if (!(node instanceof PlanNode.Join j)) {
            if (nullable) {
                ranges.add(new int[] {offset, offset + node.columns().size()});
            }
            return;
        }
        int leftWidth = j.left().columns().size();
        boolean leftNullable = j.type() == PlanNode.JoinType.RIGHT || j.type() == PlanNode.JoinType.FULL;
        boolean rightNullable = j.type() == PlanNode.JoinType.LEFT || j.type() == PlanNode.JoinType.FULL;
        walk(j.left(), offset, nullable || leftNullable, ranges, conditions);
        walk(j.right(), offset + leftWidth, nullable || rightNullable, ranges, conditions);
        if (j.type() == PlanNode.JoinType.INNER && j.condition() != null) {
            conditions.add(ExprRewriter.shift(j.condition(), offset));
        }
    }

    private static LockingClause stronger(LockingClause a, LockingClause b) {
        LockStrength strength = strength(a.strength()).ordinal() >= strength(b.strength()).ordinal() ? a.strength()
                : b.strength();
        LockWaitPolicy policy = a.waitPolicy() == LockWaitPolicy.NOWAIT || b.waitPolicy() == LockWaitPolicy.NOWAIT
                ? LockWaitPolicy.NOWAIT
                : a.waitPolicy() == LockWaitPolicy.SKIP_LOCKED || b.waitPolicy() == LockWaitPolicy.SKIP_LOCKED
                ? LockWaitPolicy.SKIP_LOCKED : LockWaitPolicy.WAIT;
        return new LockingClause(strength, List.of(), policy);
    }

    static io.shale.storage.LockStrength strength(LockStrength strength) {
        return switch (strength) {
            case UPDATE -> io.shale.storage.LockStrength.FOR_UPDATE;
            case NO_KEY_UPDATE -> io.shale.storage.LockStrength.FOR_NO_KEY_UPDATE;
            case SHARE -> io.shale.storage.LockStrength.FOR_SHARE;
            case KEY_SHARE -> io.shale.storage.LockStrength.FOR_KEY_SHARE;
        };
    }

    private static io.shale.storage.WaitPolicy waitPolicy(LockWaitPolicy policy) {
        return switch (policy) {
            case WAIT -> io.shale.storage.WaitPolicy.WAIT;
            case NOWAIT -> io.shale.storage.WaitPolicy.NOWAIT;
            case SKIP_LOCKED -> io.shale.storage.WaitPolicy.SKIP_LOCKED;
        };
    }
}
