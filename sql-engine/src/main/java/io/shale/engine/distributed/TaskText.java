package io.shale.engine.distributed;

import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.grammar.SqlFormatter;
import io.shale.grammar.ast.AliasedRelation;
import io.shale.grammar.ast.Delete;
import io.shale.grammar.ast.Insert;
import io.shale.grammar.ast.Parameter;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.Table;
import io.shale.grammar.ast.Update;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Task text from a statement: the relations of Citus tables renamed to the relations of their shards (aliased by
 * the table's own name, so qualified column references keep working) and parameters bound as typed literals.
 */
final class TaskText {
    private TaskText() {
    }

    /**
     * The statement with every Citus table it names replaced by the shard {@code shardIndex} chooses for it;
     * {@code tables} maps the names used in the statement to their tables.
     */
    static <S extends Statement> S renamed(S statement, Map<QualifiedName, ShardedTable> tables,
                                           ToIntFunction<ShardedTable> shardIndex) {
        Statement target = switch (statement) {
            case Insert i when tables.containsKey(i.table()) -> {
                ShardedTable t = tables.get(i.table());
                yield new Insert(i.with(), shardName(t, shardIndex), i.alias() != null ? i.alias() : t.name(),
                        i.columns(), i.source(), i.onConflict(), i.returning(), i.position());
            }
            case Update u when tables.containsKey(u.table()) -> {
                ShardedTable t = tables.get(u.table());
                yield new Update(u.with(), shardName(t, shardIndex), u.only(), u.alias() != null ? u.alias() : t.name(),
                        u.assignments(), u.from(), u.where(), u.returning(), u.position());
            }
            case Delete d when tables.containsKey(d.table()) -> {
                ShardedTable t = tables.get(d.table());
                yield new Delete(d.with(), shardName(t, shardIndex), d.only(), d.alias() != null ? d.alias() : t.name(),
                        d.using(), d.where(), d.returning(), d.position());
            }
            default -> statement;
        };
        @SuppressWarnings("unchecked")
        S result = (S) AstNodes.rewrite(target, node -> {
            if (node instanceof AliasedRelation a && a.relation() instanceof Table t && tables.containsKey(t.name())) {
                ShardedTable st = tables.get(t.name());
                return new AliasedRelation(new Table(shardName(st, shardIndex), t.only(), t.position()), a.alias(),
                        a.columnAliases());
            }
            if (node instanceof Table t && tables.containsKey(t.name())) {
                ShardedTable st = tables.get(t.name());
                return new AliasedRelation(new Table(shardName(st, shardIndex), t.only(), t.position()), st.name(),
                        List.of());
            }
            return node;
        });
        return result;
    }

    private static QualifiedName shardName(ShardedTable table, ToIntFunction<ShardedTable> shardIndex) {
        return QualifiedName.of(table.schema(), table.shard(shardIndex.applyAsInt(table)).relationName());
    }

    /** The SQL text of {@code statement} with its parameters bound to {@code parameters} as typed literals. */
    static String render(Statement statement, List<SqlType> parameterTypes, Object[] parameters, Literals literals,
                         FormatSettings settings) {
        if (parameterTypes.isEmpty()) {
            return SqlFormatter.format(statement);
        }
        Statement bound = AstNodes.rewrite(statement, node -> {
            if (node instanceof Parameter p) {
                int i = p.index() - 1;
                SqlType type = i < parameterTypes.size() ? parameterTypes.get(i) : SqlType.TEXT;
                Object value = i < parameters.length ? parameters[i] : null;
                return literals.literal(type, value, settings);
            }
            return node;
        });
        return SqlFormatter.format(bound);
    }
}
