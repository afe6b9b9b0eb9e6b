package io.shale.engine.plan;

import io.shale.catalog.Table;

import java.util.List;

/**
 * What a {@link PlanNode.Modify} does to its target table. Rows of the target are in the stored
 * layout: one value per column (dropped ones null) followed by the row id.
 */
public sealed interface ModifyOperation permits ModifyOperation.Insert, ModifyOperation.Update,
        ModifyOperation.Delete {

    Table table();

    /** RETURNING expressions, or empty. */
    List<Expr> returning();

    /** The constraints to check. */
    TableRules rules();

    /**
     * INSERT: {@code source} produces one row per new row; {@code values} computes the stored row
     * from it (defaults included), indexed by attnum - 1. RETURNING is evaluated over the new
     * stored row.
     */
    record Insert(Table table, PlanNode source, List<Expr> values, OnConflict onConflict,
                  List<Expr> returning, TableRules rules) implements ModifyOperation {
        public Insert {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
            returning = List.copyOf(returning);
        }
    }

    /**
     * UPDATE: {@code source} produces the target's stored row and row id at
     * {@code targetOffset} (followed or preceded by FROM rows); {@code assignments} give the new
     * value of each stored column (null entry = unchanged) over that row; {@code recheck} is the
     * WHERE clause, re-evaluated on the newest version of a row that changed concurrently.
     * RETURNING is evaluated over the source row with the target part replaced by the new row.
     */
    record Update(Table table, PlanNode source, int targetOffset, List<Expr> assignments, Expr recheck,
                  List<Expr> returning, TableRules rules) implements ModifyOperation {
        public Update {
            assignments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(assignments));
            returning = List.copyOf(returning);
        }
    }

    /** DELETE: like UPDATE without assignments; RETURNING over the source row. */
    record Delete(Table table, PlanNode source, int targetOffset, Expr recheck,
                  List<Expr> returning, TableRules rules) implements ModifyOperation {
        public Delete {
            returning = List.copyOf(returning);
        }
    }

    /**
     * ON CONFLICT: the unique index that decides a conflict (null = any), DO NOTHING when
     * {@code assignments} is null, else DO UPDATE with assignments over (existing stored row,
     * excluded stored row) and an optional WHERE over the same.
     */
    record OnConflict(io.shale.catalog.Index arbiter, List<Expr> assignments, Expr where) {
        public OnConflict {
            assignments = assignments == null ? null
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(assignments));
        }
    }
}
