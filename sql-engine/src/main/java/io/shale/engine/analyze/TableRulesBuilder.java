package io.shale.engine.analyze;

import io.shale.catalog.Constraint;
import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.TableRules;
import io.shale.grammar.SqlParser;

import java.util.ArrayList;
import java.util.List;

/** The CHECK constraints and foreign keys that a write to a table must keep. */
final class TableRulesBuilder {
    private final QueryAnalyzer queries;

    TableRulesBuilder(QueryAnalyzer queries) {
        this.queries = queries;
    }

    TableRules forInsert(Table table, Scope tableScope) {
        return new TableRules(checks(table, tableScope), outgoing(table), List.of());
    }

    TableRules forUpdate(Table table, Scope tableScope) {
        return new TableRules(checks(table, tableScope), outgoing(table), incoming(table));
    }

    TableRules forDelete(Table table) {
        return new TableRules(List.of(), List.of(), incoming(table));
    }

    private List<TableRules.Check> checks(Table table, Scope scope) {
        List<TableRules.Check> checks = new ArrayList<>();
        for (Constraint c : queries.context.objects.constraintsOf(table.oid())) {
            if (c.type() == 'c') {
                Expr e = queries.expressions.analyze(new SqlParser().parseExpression(c.checkSql()), scope,
                        new ExpressionAnalyzer.Clause("check constraints", null));
                checks.add(new TableRules.Check(c.name(), e));
            }
        }
        return checks;
    }

    private List<TableRules.ForeignKey> outgoing(Table table) {
        List<TableRules.ForeignKey> keys = new ArrayList<>();
        for (Constraint c : queries.context.objects.constraintsOf(table.oid())) {
            if (c.type() == 'f') {
                Table referenced = (Table) queries.context.objects.relation(c.referencedTable());
                keys.add(new TableRules.ForeignKey(c, table, referenced, referencedIndex(referenced, c)));
            }
        }
        return keys;
    }

    private List<TableRules.ForeignKey> incoming(Table table) {
        List<TableRules.ForeignKey> keys = new ArrayList<>();
        for (Constraint c : queries.context.objects.foreignKeysReferencing(table.oid())) {
            Table referencing = (Table) queries.context.objects.relation(c.tableOid());
            keys.add(new TableRules.ForeignKey(c, referencing, table, referencedIndex(table, c)));
        }
        return keys;
    }

    /** The unique index of the referenced table whose key columns are the referenced columns, in order. */
    Index referencedIndex(Table referenced, Constraint fk) {
        for (Index index : queries.context.objects.indexesOf(referenced.oid())) {
            if (!index.unique() || index.keyCount() != fk.referencedColumns().size()) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < index.keyCount() && match; i++) {
                match = index.keys().get(i).attnum() == fk.referencedColumns().get(i);
            }
            if (match) {
                return index;
            }
        }
        throw new ShaleException(ErrorCode.INVALID_FOREIGN_KEY, "there is no unique constraint matching given keys for referenced table \""
                + referenced.name() + "\"");
    }
}
