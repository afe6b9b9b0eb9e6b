package io.shale.engine.system;

import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;

import java.util.List;

/** The text of pg_get_indexdef and pg_get_constraintdef, as PostgreSQL 15 prints it. */
final class Definitions {
    private final CatalogScan scan;
    private final ExpressionDeparser deparser;

    Definitions(CatalogScan scan, ExpressionDeparser deparser) {
        this.scan = scan;
        this.deparser = deparser;
    }

    /**
     * pg_get_indexdef(index, column, pretty): the CREATE INDEX statement for column 0, else the
     * definition of that key column ("" past the key columns).
     */
    String indexDefinition(Index index, int column, boolean pretty) {
        if (column > 0) {
            return column > index.keyCount() ? "" : key(index, index.keys().get(column - 1), false, pretty);
        }
        Relation table = scan.objects.relation(index.tableOid());
        StringBuilder sb = new StringBuilder("CREATE ");
        if (index.unique()) {
            sb.append("UNIQUE ");
        }
        sb.append("INDEX ").append(Identifiers.quote(index.name())).append(" ON ")
                .append(pretty && Visibility.relationVisible(scan, table) ? Identifiers.quote(table.name())
                        : Identifiers.qualified(scan.namespaceName(table.namespaceOid()), table.name()))
                .append(" USING ").append(index.method() == null ? "btree" : index.method()).append(" (");
        for (int i = 0; i < index.keyCount(); i++) {
            sb.append(i == 0 ? "" : ", ").append(key(index, index.keys().get(i), true, pretty));
        }
        sb.append(')');
        if (index.keys().size() > index.keyCount()) {
            sb.append(" INCLUDE (");
            for (int i = index.keyCount(); i < index.keys().size(); i++) {
                sb.append(i == index.keyCount() ? "" : ", ").append(key(index, index.keys().get(i), false, pretty));
            }
            sb.append(')');
        }
        if (index.predicateSql() != null) {
            sb.append(" WHERE ").append(parenthesized(deparser.deparse(index.predicateSql(), table.oid(), pretty)));
        }
        return sb.toString();
    }

    private String key(Index index, Index.IndexKey key, boolean withOrder, boolean pretty) {
        String text;
        if (key.attnum() > 0) {
            Table table = (Table) scan.objects.relation(index.tableOid());
            text = Identifiers.quote(table.column(key.attnum()).name());
        } else {
            String e = deparser.deparse(key.expressionSql(), index.tableOid(), pretty);
            text = isFunctionCall(e) ? e : "(" + e + ")";
        }
        if (withOrder) {
            if (key.descending()) {
                text += key.nullsFirst() ? " DESC" : " DESC NULLS LAST";
            } else if (key.nullsFirst()) {
                text += " NULLS FIRST";
            }
        }
        return text;
    }

    /** pg_get_constraintdef(constraint, pretty). */
    String constraintDefinition(Constraint c, boolean pretty) {
        return switch (c.type()) {
            case 'p' -> "PRIMARY KEY (" + columnList(c.tableOid(), c.columns()) + ")" + include(c);
            case 'u' -> "UNIQUE (" + columnList(c.tableOid(), c.columns()) + ")" + include(c);
            case 'c' -> {
                String e = deparser.deparse(c.checkSql(), c.tableOid(), pretty);
                yield "CHECK (" + (pretty ? e : parenthesized(e)) + ")" + (c.validated() ? "" : " NOT VALID");
            }
            case 'f' -> foreignKey(c);
            default -> throw new IllegalStateException("constraint type " + c.type());
        };
    }

    private String include(Constraint c) {
        if (c.indexOid() == 0 || !(scan.objects.relation(c.indexOid()) instanceof Index index)
                || index.keys().size() == index.keyCount()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" INCLUDE (");
        for (int i = index.keyCount(); i < index.keys().size(); i++) {
            sb.append(i == index.keyCount() ? "" : ", ").append(key(index, index.keys().get(i), false, false));
        }
        return sb.append(')').toString();
    }

    private String foreignKey(Constraint c) {
        Relation referenced = scan.objects.relation(c.referencedTable());
        String name = Identifiers.quote(referenced.name());
        String schema = scan.namespaceName(referenced.namespaceOid());
        if (!Visibility.relationVisible(scan, referenced)) {
            name = Identifiers.quote(schema) + "." + name;
        }
        StringBuilder sb = new StringBuilder("FOREIGN KEY (").append(columnList(c.tableOid(), c.columns()))
                .append(") REFERENCES ").append(name).append('(')
                .append(columnList(c.referencedTable(), c.referencedColumns())).append(')');
        sb.append(action(" ON UPDATE ", c.onUpdate())).append(action(" ON DELETE ", c.onDelete()));
        return sb.append(c.validated() ? "" : " NOT VALID").toString();
    }

    private static String action(String prefix, char code) {
        return switch (code) {
            case 'r' -> prefix + "RESTRICT";
            case 'c' -> prefix + "CASCADE";
            case 'n' -> prefix + "SET NULL";
            case 'd' -> prefix + "SET DEFAULT";
            default -> "";
        };
    }

    private String columnList(int tableOid, List<Short> attnums) {
        Table table = (Table) scan.objects.relation(tableOid);
        StringBuilder sb = new StringBuilder();
        for (Short attnum : attnums) {
            Column column = table.column(attnum);
            sb.append(sb.isEmpty() ? "" : ", ").append(Identifiers.quote(column.name()));
        }
        return sb.toString();
    }

    /** Wraps an expression in parentheses unless it already is one parenthesized whole. */
    static String parenthesized(String e) {
        if (e.startsWith("(") && closingParen(e, 0) == e.length() - 1) {
            return e;
        }
        return "(" + e + ")";
    }

    private static boolean isFunctionCall(String e) {
        int open = e.indexOf('(');
        return open > 0 && e.substring(0, open).matches("[A-Za-z_][A-Za-z0-9_.\"]*")
                && closingParen(e, open) == e.length() - 1;
    }

    private static int closingParen(String e, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < e.length(); i++) {
            char ch = e.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
