package io.shale.engine.deparse;

import io.shale.catalog.Column;
import io.shale.catalog.Table;
import io.shale.engine.analyze.ColumnNames;
import io.shale.grammar.ast.AliasedRelation;
import io.shale.grammar.ast.AllColumns;
import io.shale.grammar.ast.ColumnReference;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.FunctionCall;
import io.shale.grammar.ast.Join;
import io.shale.grammar.ast.JoinOn;
import io.shale.grammar.ast.JoinType;
import io.shale.grammar.ast.NullOrdering;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.QuerySpecification;
import io.shale.grammar.ast.Relation;
import io.shale.grammar.ast.SelectItem;
import io.shale.grammar.ast.SingleColumn;
import io.shale.grammar.ast.SortItem;
import io.shale.grammar.ast.SortOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Prints a view's query as PostgreSQL 15's pg_get_viewdef does: a leading space, one select item
 * per line, clauses on their own lines, every column qualified, a final semicolon. Handles plain
 * SELECT blocks over tables and joins; anything else is reported by returning null.
 */
final class QueryPrinter {
    /** One FROM entry: the name columns are qualified with, and the table. */
    private record Source(String qualifier, Table table) {
    }

    private final Function<List<String>, Table> tables;
    private final Function<Column, String> labels;
    private final Function<Table, String> schemas;
    private final boolean pretty;
    private final List<Source> sources = new ArrayList<>();

    /**
     * @param schemas the schema of a table; tables outside public (the default search path) are
     *     printed qualified
     */
    QueryPrinter(Function<List<String>, Table> tables, Function<Column, String> labels, Function<Table, String> schemas,
                 boolean pretty) {
        this.tables = tables;
        this.labels = labels;
        this.schemas = schemas;
        this.pretty = pretty;
    }

    String print(Query query) {
        if (query.with() != null || !(query.body() instanceof QuerySpecification spec) || !query.locking().isEmpty()
                || spec.distinct() || !spec.windows().isEmpty()) {
            return null;
        }
        List<String> from = new ArrayList<>();
        for (Relation r : spec.from()) {
            String text = relation(r, true);
            if (text == null) {
                return null;
            }
            from.add(text);
        }
        ExpressionPrinter expressions = new ExpressionPrinter(this::column, pretty, true);
        StringBuilder sb = new StringBuilder(" SELECT");
        List<String> items = new ArrayList<>();
        for (SelectItem item : spec.selectItems()) {
            switch (item) {
                case AllColumns all -> {
                    for (Source s : sources) {
                        if (all.qualifier() == null || all.qualifier().parts().getLast().equals(s.qualifier())) {
                            for (Column c : s.table().columns()) {
                                if (!c.dropped()) {
                                    items.add(s.qualifier() + "." + Names.quote(c.name()));
                                }
                            }
                        }
                    }
                }
                case SingleColumn single -> {
                    String name = single.alias() != null ? single.alias() : ColumnNames.derive(single.expression());
                    String text = expressions.print(single.expression()).text();
                    boolean sameName = single.expression() instanceof ColumnReference c
                            && c.name().parts().getLast().equals(name);
                    items.add(sameName ? text : text + " AS " + Names.quote(name));
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? " " : ",\n    ").append(items.get(i));
        }
        if (!from.isEmpty()) {
            sb.append("\n   FROM ").append(String.join(",\n    ", from));
        }
        if (spec.where() != null) {
            sb.append("\n  WHERE ").append(expressions.print(spec.where()).text());
        }
        if (!spec.groupBy().isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (Expression g : spec.groupBy()) {
                keys.add(expressions.print(g).text());
            }
            sb.append("\n  GROUP BY ").append(String.join(", ", keys));
        }
        if (spec.having() != null) {
            sb.append("\n HAVING ").append(expressions.print(spec.having()).text());
        }
        if (!query.orderBy().isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (SortItem s : query.orderBy()) {
                keys.add(sortKey(s, spec, expressions));
            }
            sb.append("\n  ORDER BY ").append(String.join(", ", keys));
        }
        if (query.offset() != null) {
            sb.append("\n OFFSET ").append(expressions.print(query.offset()).text());
        }
        if (query.limit() != null) {
            sb.append("\n LIMIT ").append(expressions.print(query.limit()).text());
        }
        return sb.append(';').toString();
    }

    private String sortKey(SortItem s, QuerySpecification spec, ExpressionPrinter expressions) {
        Expression e = s.expression();
        if (e instanceof io.shale.grammar.ast.IntegerLiteral i) {
            int n = Integer.parseInt(i.text());
            if (n >= 1 && n <= spec.selectItems().size() && spec.selectItems().get(n - 1) instanceof SingleColumn c) {
                e = c.expression();
            }
        }
        String text = expressions.print(e).text();
        if (!(e instanceof ColumnReference) && (pretty || e instanceof FunctionCall)) {
            text = "(" + text + ")";
        }
        boolean descending = s.order() == SortOrder.DESC;
        text += descending ? " DESC" : "";
        if (s.nullOrdering() == NullOrdering.FIRST && !descending) {
            text += " NULLS FIRST";
        } else if (s.nullOrdering() == NullOrdering.LAST && descending) {
            text += " NULLS LAST";
        }
        return text;
    }

    private String relation(Relation r, boolean top) {
        return switch (r) {
            case io.shale.grammar.ast.Table t -> source(t, null);
            case AliasedRelation a when a.relation() instanceof io.shale.grammar.ast.Table t && a.columnAliases().isEmpty() ->
                    source(t, a.alias());
            case Join j when j.type() != JoinType.CROSS && j.criteria() instanceof JoinOn on -> {
                String left = relation(j.left(), false);
                String right = relation(j.right(), false);
                if (left == null || right == null) {
                    yield null;
                }
                String condition = new ExpressionPrinter(this::column, pretty, true).print(on.condition()).text();
                String kind = switch (j.type()) {
                    case INNER -> "JOIN";
                    case LEFT -> "LEFT JOIN";
                    case RIGHT -> "RIGHT JOIN";
                    default -> "FULL JOIN";
                };
                String text = left + "\n     " + kind + " " + right + " ON " + (pretty ? condition : "(" + condition + ")");
                yield pretty ? text : "(" + text + ")";
            }
            default -> null;
        };
    }

    private String source(io.shale.grammar.ast.Table t, String alias) {
        Table table = tables.apply(t.name().parts());
        if (table == null) {
            return null;
        }
        sources.add(new Source(alias != null ? alias : table.name(), table));
        String schema = schemas.apply(table);
        String name = schema == null || schema.equals("public") || schema.equals("pg_catalog") ? Names.quote(table.name())
                : Names.quote(schema) + "." + Names.quote(table.name());
        return name + (alias != null ? " " + Names.quote(alias) : "");
    }

    private Printed column(List<String> parts) {
        String name = parts.getLast();
        for (Source s : sources) {
            if (parts.size() >= 2 && !parts.get(parts.size() - 2).equals(s.qualifier())) {
                continue;
            }
            Column c = s.table().column(name);
            if (c != null && !c.dropped()) {
                return new Printed(Names.quote(s.qualifier()) + "." + Names.quote(name), labels.apply(c),
                        Printed.Precedence.PRIMARY, Printed.Kind.COLUMN);
            }
        }
        return null;
    }
}
