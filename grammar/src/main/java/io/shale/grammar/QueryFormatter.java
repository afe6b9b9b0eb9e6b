package io.shale.grammar;

import io.shale.grammar.ast.*;
import java.util.List;

/** Prints queries, FROM items and INSERT, UPDATE and DELETE. */
class QueryFormatter extends ExpressionFormatter {

    /** Prints any statement; the statement formatter handles the non-data statements. */
    String statement(Statement statement) {
        return switch (statement) {
            case Query query -> query(query);
            case Insert insert -> insert(insert);
            case Update update -> update(update);
            case Delete delete -> delete(delete);
            default -> throw new IllegalStateException("not a data statement: " + statement);
        };
    }

    @Override
    String query(Query query) {
        StringBuilder out = new StringBuilder(with(query.with()));
        out.append(queryBody(query.body(), true));
        if (!query.orderBy().isEmpty()) {
            out.append(" ORDER BY ").append(sortItems(query.orderBy()));
        }
        if (query.limit() != null) {
            out.append(" LIMIT ").append(expression(query.limit()));
        }
        if (query.offset() != null) {
            out.append(" OFFSET ").append(expression(query.offset()));
        }
        for (LockingClause locking : query.locking()) {
            out.append(" FOR ").append(switch (locking.strength()) {
                case UPDATE -> "UPDATE";
                case NO_KEY_UPDATE -> "NO KEY UPDATE";
                case SHARE -> "SHARE";
                case KEY_SHARE -> "KEY SHARE";
            });
            if (!locking.tables().isEmpty()) {
                out.append(" OF ").append(join(locking.tables(), ExpressionFormatter::name, ", "));
            }
            out.append(switch (locking.waitPolicy()) {
                case WAIT -> "";
                case NOWAIT -> " NOWAIT";
                case SKIP_LOCKED -> " SKIP LOCKED";
            });
        }
        return out.toString();
    }

    private String with(With with) {
        if (with == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("WITH ");
        if (with.recursive()) {
            out.append("RECURSIVE ");
        }
        out.append(join(with.tables(), this::commonTableExpression, ", "));
        return out.append(' ').toString();
    }

    private String commonTableExpression(CommonTableExpression cte) {
        StringBuilder out = new StringBuilder(identifier(cte.name()));
        if (!cte.columns().isEmpty()) {
            out.append('(').append(names(cte.columns())).append(')');
        }
        out.append(" AS ");
        out.append(switch (cte.materialization()) {
            case DEFAULT -> "";
            case MATERIALIZED -> "MATERIALIZED ";
            case NOT_MATERIALIZED -> "NOT MATERIALIZED ";
        });
        return out.append('(').append(statement(cte.statement())).append(')').toString();
    }

    private String queryBody(QueryBody body, boolean top) {
        return switch (body) {
            case QuerySpecification specification -> top ? specification(specification)
                    : "(" + specification(specification) + ")";
            case Values values -> top ? values(values) : "(" + values(values) + ")";
            case Query query -> "(" + query(query) + ")";
            case SetOperation operation -> {
                String text = queryBody(operation.left(), false) + " " + operation.operator().name()
                        + (operation.all() ? " ALL " : " ") + queryBody(operation.right(), false);
                yield top ? text : "(" + text + ")";
            }
        };
    }

    String values(Values values) {
        return "VALUES " + join(values.rows(), row -> "(" + expressions(row) + ")", ", ");
    }

    private String specification(QuerySpecification specification) {
        StringBuilder out = new StringBuilder("SELECT");
        if (specification.distinct()) {
            out.append(" DISTINCT");
            if (!specification.distinctOn().isEmpty()) {
                out.append(" ON (").append(expressions(specification.distinctOn())).append(')');
            }
        }
        if (!specification.selectItems().isEmpty()) {
            out.append(' ').append(selectItems(specification.selectItems()));
        }
        if (!specification.from().isEmpty()) {
            out.append(" FROM ").append(relations(specification.from()));
        }
        if (specification.where() != null) {
            out.append(" WHERE ").append(expression(specification.where()));
        }
        if (!specification.groupBy().isEmpty()) {
            out.append(" GROUP BY ").append(expressions(specification.groupBy()));
        }
        if (specification.having() != null) {
            out.append(" HAVING ").append(expression(specification.having()));
        }
        if (!specification.windows().isEmpty()) {
            out.append(" WINDOW ").append(join(specification.windows(),
                    window -> identifier(window.name()) + " AS (" + window(window.specification()) + ")", ", "));
        }
        return out.toString();
    }

    String selectItems(List<SelectItem> items) {
        return join(items, item -> switch (item) {
            case SingleColumn column -> expression(column.expression())
                    + (column.alias() == null ? "" : " AS " + identifier(column.alias()));
            case AllColumns all -> all.qualifier() == null ? "*" : name(all.qualifier()) + ".*";
        }, ", ");
    }

    String relations(List<Relation> relations) {
        return join(relations, this::relation, ", ");
    }

    String relation(Relation relation) {
        return switch (relation) {
            case Table table -> (table.only() ? "ONLY " : "") + name(table.name());
            case AliasedRelation aliased -> relation(aliased.relation()) + " AS " + identifier(aliased.alias())
                    + (aliased.columnAliases().isEmpty() ? "" : "(" + names(aliased.columnAliases()) + ")");
            case SubqueryRelation subquery -> (subquery.lateral() ? "LATERAL (" : "(") + query(subquery.query()) + ")";
            case FunctionRelation function -> (function.lateral() ? "LATERAL " : "")
                    + expression(function.function()) + (function.withOrdinality() ? " WITH ORDINALITY" : "");
            case Join join -> join(join);
        };
    }

    private String join(Join join) {
        String left = relation(join.left());
        String right = relation(join.right());
        String type = switch (join.type()) {
            case INNER -> "JOIN";
            case LEFT -> "LEFT JOIN";
            case RIGHT -> "RIGHT JOIN";
            case FULL -> "FULL JOIN";
            case CROSS -> "CROSS JOIN";
        };
        if (join.right() instanceof Join) {
            right = "(" + right + ")";
        }
        return switch (join.criteria()) {
            case null -> "(" + left + " " + type + " " + right + ")";
            case NaturalJoin ignored -> "(" + left + " NATURAL " + type + " " + right + ")";
            case JoinOn on -> "(" + left + " " + type + " " + right + " ON " + expression(on.condition()) + ")";
            case JoinUsing using -> "(" + left + " " + type + " " + right + " USING (" + names(using.columns())
                    + "))";
        };
    }

    private String returning(List<SelectItem> returning) {
        return returning.isEmpty() ? "" : " RETURNING " + selectItems(returning);
    }

    private String setClauses(List<SetClause> clauses) {
        return join(clauses, clause -> switch (clause) {
            case Assignment assignment -> identifier(assignment.column()) + " = " + expression(assignment.value());
            case MultiAssignment multi -> "(" + names(multi.columns()) + ") = " + expression(multi.value());
        }, ", ");
    }

    private String insert(Insert insert) {
        StringBuilder out = new StringBuilder(with(insert.with())).append("INSERT INTO ").append(name(insert.table()));
        if (insert.alias() != null) {
            out.append(" AS ").append(identifier(insert.alias()));
        }
        if (!insert.columns().isEmpty()) {
            out.append(" (").append(names(insert.columns())).append(')');
        }
        out.append(insert.source() == null ? " DEFAULT VALUES" : " " + query(insert.source()));
        OnConflict conflict = insert.onConflict();
        if (conflict != null) {
            out.append(" ON CONFLICT");
            if (conflict.constraint() != null) {
                out.append(" ON CONSTRAINT ").append(identifier(conflict.constraint()));
            } else if (!conflict.targetColumns().isEmpty()) {
                out.append(" (").append(join(conflict.targetColumns(), this::indexElement, ", ")).append(')');
                if (conflict.targetWhere() != null) {
                    out.append(" WHERE ").append(expression(conflict.targetWhere()));
                }
            }
            if (conflict.doUpdate()) {
                out.append(" DO UPDATE SET ").append(setClauses(conflict.assignments()));
                if (conflict.updateWhere() != null) {
                    out.append(" WHERE ").append(expression(conflict.updateWhere()));
                }
            } else {
                out.append(" DO NOTHING");
            }
        }
        return out.append(returning(insert.returning())).toString();
    }

    private String update(Update update) {
        StringBuilder out = new StringBuilder(with(update.with())).append("UPDATE ")
                .append(update.only() ? "ONLY " : "").append(name(update.table()));
        if (update.alias() != null) {
            out.append(" AS ").append(identifier(update.alias()));
        }
        out.append(" SET ").append(setClauses(update.assignments()));
        if (!update.from().isEmpty()) {
            out.append(" FROM ").append(relations(update.from()));
        }
        if (update.where() != null) {
            out.append(" WHERE ").append(expression(update.where()));
        }
        return out.append(returning(update.returning())).toString();
    }

    private String delete(Delete delete) {
        StringBuilder out = new StringBuilder(with(delete.with())).append("DELETE FROM ")
                .append(delete.only() ? "ONLY " : "").append(name(delete.table()));
        if (delete.alias() != null) {
            out.append(" AS ").append(identifier(delete.alias()));
        }
        if (!delete.using().isEmpty()) {
            out.append(" USING ").append(relations(delete.using()));
        }
        if (delete.where() != null) {
            out.append(" WHERE ").append(expression(delete.where()));
        }
        return out.append(returning(delete.returning())).toString();
    }

    String indexElement(IndexElement element) {
        StringBuilder out = new StringBuilder(element.column() != null ? identifier(element.column())
                : "(" + expression(element.expression()) + ")");
        if (element.collation() != null) {
            out.append(" COLLATE ").append(name(element.collation()));
        }
        if (element.operatorClass() != null) {
            out.append(' ').append(name(element.operatorClass()));
        }
        if (element.order() == SortOrder.DESC) {
            out.append(" DESC");
        }
        return out.append(switch (element.nullOrdering()) {
            case DEFAULT -> "";
            case FIRST -> " NULLS FIRST";
            case LAST -> " NULLS LAST";
        }).toString();
    }
}
