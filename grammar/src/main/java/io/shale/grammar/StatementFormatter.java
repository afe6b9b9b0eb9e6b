package io.shale.grammar;

import io.shale.grammar.ast.*;
import java.util.List;
import java.util.Locale;

/** Prints DDL statements: tables, constraints, ALTER TABLE, indexes, schemas, sequences, views, objects. */
class StatementFormatter extends QueryFormatter {

    @Override
    String statement(Statement statement) {
        return switch (statement) {
            case PreparableStatement data -> super.statement(data);
            case CreateTable create -> createTable(create);
            case CreateTableAs create -> "CREATE " + persistence(create.persistence()) + "TABLE "
                    + (create.ifNotExists() ? "IF NOT EXISTS " : "") + name(create.name())
                    + (create.columns().isEmpty() ? "" : " (" + names(create.columns()) + ")")
                    + (create.accessMethod() == null ? "" : " USING " + identifier(create.accessMethod()))
                    + properties(" WITH ", create.options()) + " AS " + query(create.query())
                    + (create.withData() ? "" : " WITH NO DATA");
            case AlterTable alter -> "ALTER TABLE " + (alter.ifExists() ? "IF EXISTS " : "")
                    + (alter.only() ? "ONLY " : "") + name(alter.name()) + " "
                    + join(alter.actions(), this::alterTableAction, ", ");
            case CreateIndex index -> createIndex(index);
            case CreateSchema schema -> createSchema(schema);
            case CreateSequence sequence -> "CREATE " + persistence(sequence.persistence()) + "SEQUENCE "
                    + (sequence.ifNotExists() ? "IF NOT EXISTS " : "") + name(sequence.name())
                    + sequenceOptions(sequence.options());
            case AlterSequence sequence -> "ALTER SEQUENCE " + (sequence.ifExists() ? "IF EXISTS " : "")
                    + name(sequence.name()) + sequenceOptions(sequence.options());
            case CreateView view -> "CREATE " + (view.orReplace() ? "OR REPLACE " : "")
                    + persistence(view.persistence()) + "VIEW " + name(view.name())
                    + (view.columns().isEmpty() ? "" : " (" + names(view.columns()) + ")")
                    + properties(" WITH ", view.options()) + " AS " + query(view.query());
            case CreateDatabase database -> "CREATE DATABASE " + identifier(database.name())
                    + join(database.options(), option -> " " + propertyName(option.name()) + " "
                    + (option.value() == null ? "DEFAULT" : string(option.value())), "");
            case DropDatabase drop -> "DROP DATABASE " + (drop.ifExists() ? "IF EXISTS " : "")
                    + identifier(drop.name()) + (drop.force() ? " WITH (FORCE)" : "");
            case CreateEnumType type -> "CREATE TYPE " + name(type.name()) + " AS ENUM ("
                    + join(type.labels(), ExpressionFormatter::string, ", ") + ")";
            case CreateExtension extension -> "CREATE EXTENSION " + (extension.ifNotExists() ? "IF NOT EXISTS " : "")
                    + identifier(extension.name())
                    + (extension.schema() == null ? "" : " SCHEMA " + identifier(extension.schema()))
                    + (extension.version() == null ? "" : " VERSION " + string(extension.version()))
                    + (extension.cascade() ? " CASCADE" : "");
            case DropObjects drop -> "DROP " + objectType(drop.type()) + (drop.concurrently() ? " CONCURRENTLY" : "")
                    + (drop.ifExists() ? " IF EXISTS " : " ") + join(drop.names(), ExpressionFormatter::name, ", ")
                    + dropBehavior(drop.behavior());
            case AlterOwner owner -> "ALTER " + objectType(owner.type()) + " " + name(owner.name()) + " OWNER TO "
                    + role(owner.owner());
            case RenameObject rename -> "ALTER " + objectType(rename.type()) + " " + name(rename.name())
                    + " RENAME TO " + identifier(rename.newName());
            case Truncate truncate -> "TRUNCATE TABLE " + (truncate.only() ? "ONLY " : "")
                    + join(truncate.tables(), ExpressionFormatter::name, ", ")
                    + (truncate.restartIdentity() ? " RESTART IDENTITY" : "") + dropBehavior(truncate.behavior());
            case Comment comment -> "COMMENT ON " + objectType(comment.type()) + " " + name(comment.name()) + " IS "
                    + (comment.text() == null ? "NULL" : string(comment.text()));
            default -> utility(statement);
        };
    }

    /** Prints the utility statements; overridden by the utility formatter. */
    String utility(Statement statement) {
        throw new IllegalStateException("not a DDL statement: " + statement);
    }

    static String persistence(Persistence persistence) {
        return switch (persistence) {
            case PERMANENT -> "";
            case UNLOGGED -> "UNLOGGED ";
            case TEMPORARY -> "TEMPORARY ";
        };
    }

    static String objectType(ObjectType type) {
        return type.name().replace('_', ' ');
    }

    static String dropBehavior(DropBehavior behavior) {
        return switch (behavior) {
            case DEFAULT -> "";
            case RESTRICT -> " RESTRICT";
            case CASCADE -> " CASCADE";
        };
    }

    static String propertyName(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("\\.", -1)) {
            out.append(out.isEmpty() ? "" : ".").append(identifier(part));
        }
        return out.toString();
    }

    static String properties(String prefix, List<Property> properties) {
        if (properties.isEmpty()) {
            return "";
        }
        return prefix + "(" + join(properties, property -> propertyName(property.name())
                + (property.value() == null ? "" : " = " + string(property.value())), ", ") + ")";
    }

    static String role(RoleSpecification role) {
        return switch (role.kind()) {
            case NAME -> identifier(role.name());
            case PUBLIC -> "PUBLIC";
            default -> role.kind().name();
        };
    }

    private String createTable(CreateTable create) {
        StringBuilder out = new StringBuilder("CREATE ").append(persistence(create.persistence())).append("TABLE ");
        if (create.ifNotExists()) {
            out.append("IF NOT EXISTS ");
        }
        out.append(name(create.name())).append(" (").append(join(create.elements(), element -> switch (element) {
            case ColumnDefinition column -> column(column);
            case TableConstraint constraint -> constraint(constraint.constraint());
        }, ", ")).append(')');
        if (!create.inherits().isEmpty()) {
            out.append(" INHERITS (").append(join(create.inherits(), ExpressionFormatter::name, ", ")).append(')');
        }
        if (create.partitionBy() != null) {
            out.append(" PARTITION BY ").append(identifier(create.partitionBy().strategy())).append(" (")
                    .append(join(create.partitionBy().keys(), this::indexElement, ", ")).append(')');
        }
        if (create.accessMethod() != null) {
            out.append(" USING ").append(identifier(create.accessMethod()));
        }
        return out.append(properties(" WITH ", create.options())).toString();
    }

    String column(ColumnDefinition column) {
        StringBuilder out = new StringBuilder(identifier(column.name())).append(' ').append(type(column.type()));
        if (column.collation() != null) {
            out.append(" COLLATE ").append(name(column.collation()));
        }
        for (ConstraintDefinition constraint : column.constraints()) {
            out.append(' ').append(constraint(constraint));
        }
        return out.toString();
    }

    String constraint(ConstraintDefinition constraint) {
        String name = constraintName(constraint);
        String prefix = name == null ? "" : "CONSTRAINT " + identifier(name) + " ";
        return prefix + switch (constraint) {
            case NotNullConstraint ignored -> "NOT NULL";
            case NullConstraint ignored -> "NULL";
            case DefaultConstraint value -> "DEFAULT " + expression(value.value());
            case IdentityConstraint identity -> "GENERATED " + (identity.always() ? "ALWAYS" : "BY DEFAULT")
                    + " AS IDENTITY" + (identity.options().isEmpty() ? ""
                    : " (" + sequenceOptions(identity.options()).substring(1) + ")");
            case GeneratedConstraint generated -> "GENERATED ALWAYS AS (" + expression(generated.expression())
                    + ") STORED";
            case PrimaryKeyConstraint key -> "PRIMARY KEY" + columns(key.columns()) + include(key.include());
            case UniqueConstraint unique -> "UNIQUE" + (unique.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
                    + columns(unique.columns()) + include(unique.include());
            case CheckConstraint check -> "CHECK (" + expression(check.condition()) + ")"
                    + (check.noInherit() ? " NO INHERIT" : "");
            case ForeignKeyConstraint key -> foreignKey(key);
        };
    }

    private static String constraintName(ConstraintDefinition constraint) {
        return switch (constraint) {
            case NotNullConstraint c -> c.name();
            case NullConstraint c -> c.name();
            case DefaultConstraint c -> c.name();
            case IdentityConstraint c -> c.name();
            case GeneratedConstraint c -> c.name();
            case PrimaryKeyConstraint c -> c.name();
            case UniqueConstraint c -> c.name();
            case CheckConstraint c -> c.name();
            case ForeignKeyConstraint c -> c.name();
        };
    }

    private static String columns(List<String> columns) {
        return columns.isEmpty() ? "" : " (" + names(columns) + ")";
    }

    private static String include(List<String> columns) {
        return columns.isEmpty() ? "" : " INCLUDE (" + names(columns) + ")";
    }

    private String foreignKey(ForeignKeyConstraint key) {
        StringBuilder out = new StringBuilder();
        if (!key.columns().isEmpty()) {
            out.append("FOREIGN KEY (").append(names(key.columns())).append(") ");
        }
        out.append("REFERENCES ").append(name(key.referencedTable())).append(columns(key.referencedColumns()));
        if (key.match() != ForeignKeyMatch.SIMPLE) {
            out.append(" MATCH ").append(key.match().name());
        }
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            out.append(" ON DELETE ").append(key.onDelete().name().replace('_', ' '));
        }
        if (key.onUpdate() != ReferentialAction.NO_ACTION) {
            out.append(" ON UPDATE ").append(key.onUpdate().name().replace('_', ' '));
        }
        if (key.deferrable()) {
            out.append(" DEFERRABLE");
        }
        if (key.initiallyDeferred()) {
            out.append(" INITIALLY DEFERRED");
        }
        return out.toString();
    }

    private String alterTableAction(AlterTableAction action) {
        return switch (action) {
            case AddColumn add -> "ADD COLUMN " + (add.ifNotExists() ? "IF NOT EXISTS " : "") + column(add.column());
            case DropColumn drop -> "DROP COLUMN " + (drop.ifExists() ? "IF EXISTS " : "") + identifier(drop.column())
                    + dropBehavior(drop.behavior());
            case RenameColumn rename -> "RENAME COLUMN " + identifier(rename.column()) + " TO "
                    + identifier(rename.newName());
            case RenameTable rename -> "RENAME TO " + identifier(rename.newName());
            case RenameConstraint rename -> "RENAME CONSTRAINT " + identifier(rename.constraint()) + " TO "
                    + identifier(rename.newName());
            case SetSchema schema -> "SET SCHEMA " + identifier(schema.schema());
            case SetColumnDefault value -> "ALTER COLUMN " + identifier(value.column()) + " SET DEFAULT "
                    + expression(value.value());
            case DropColumnDefault value -> "ALTER COLUMN " + identifier(value.column()) + " DROP DEFAULT";
            case SetNotNull value -> "ALTER COLUMN " + identifier(value.column()) + " SET NOT NULL";
            case DropNotNull value -> "ALTER COLUMN " + identifier(value.column()) + " DROP NOT NULL";
            case AlterColumnType change -> "ALTER COLUMN " + identifier(change.column()) + " SET DATA TYPE "
                    + type(change.type())
                    + (change.collation() == null ? "" : " COLLATE " + name(change.collation()))
                    + (change.using() == null ? "" : " USING " + expression(change.using()));
            case AddConstraint add -> "ADD " + constraint(add.constraint()) + (add.notValid() ? " NOT VALID" : "");
            case DropConstraint drop -> "DROP CONSTRAINT " + (drop.ifExists() ? "IF EXISTS " : "")
                    + identifier(drop.name()) + dropBehavior(drop.behavior());
            case ValidateConstraint validate -> "VALIDATE CONSTRAINT " + identifier(validate.name());
            case ChangeOwner owner -> "OWNER TO " + role(owner.owner());
            case SetReplicaIdentity identity -> "REPLICA IDENTITY " + (identity.kind() == ReplicaIdentityKind.INDEX
                    ? "USING INDEX " + identifier(identity.index()) : identity.kind().name());
            case SetOptions options -> "SET" + properties(" ", options.options());
            case ResetOptions reset -> "RESET (" + join(reset.names(), StatementFormatter::propertyName, ", ") + ")";
        };
    }

    private String createIndex(CreateIndex index) {
        StringBuilder out = new StringBuilder("CREATE ").append(index.unique() ? "UNIQUE " : "").append("INDEX ");
        if (index.concurrently()) {
            out.append("CONCURRENTLY ");
        }
        if (index.ifNotExists()) {
            out.append("IF NOT EXISTS ");
        }
        if (index.name() != null) {
            out.append(identifier(index.name())).append(' ');
        }
        out.append("ON ").append(index.only() ? "ONLY " : "").append(name(index.table()));
        if (index.method() != null) {
            out.append(" USING ").append(identifier(index.method()));
        }
        out.append(" (").append(join(index.elements(), this::indexElement, ", ")).append(')');
        out.append(include(index.include())).append(properties(" WITH ", index.options()));
        if (index.where() != null) {
            out.append(" WHERE ").append(expression(index.where()));
        }
        return out.toString();
    }

    private String createSchema(CreateSchema schema) {
        StringBuilder out = new StringBuilder("CREATE SCHEMA ");
        if (schema.ifNotExists()) {
            out.append("IF NOT EXISTS ");
        }
        if (schema.name() != null) {
            out.append(identifier(schema.name()));
        }
        if (schema.authorization() != null) {
            out.append(schema.name() == null ? "" : " ").append("AUTHORIZATION ").append(role(schema.authorization()));
        }
        for (Statement element : schema.elements()) {
            out.append(' ').append(statement(element));
        }
        return out.toString();
    }

    String sequenceOptions(List<SequenceOption> options) {
        StringBuilder out = new StringBuilder();
        for (SequenceOption option : options) {
            out.append(' ').append(switch (option) {
                case SequenceType type -> "AS " + type(type.type());
                case SequenceIncrement increment -> "INCREMENT BY " + increment.value();
                case SequenceMinValue min -> min.value() == null ? "NO MINVALUE" : "MINVALUE " + min.value();
                case SequenceMaxValue max -> max.value() == null ? "NO MAXVALUE" : "MAXVALUE " + max.value();
                case SequenceStart start -> "START WITH " + start.value();
                case SequenceRestart restart -> restart.value() == null ? "RESTART" : "RESTART WITH " + restart.value();
                case SequenceCache cache -> "CACHE " + cache.value();
                case SequenceCycle cycle -> cycle.cycle() ? "CYCLE" : "NO CYCLE";
                case SequenceOwnedBy owned -> "OWNED BY " + (owned.column() == null ? "NONE" : name(owned.column()));
                case SequenceName name -> "SEQUENCE NAME " + name(name.name());
            });
        }
        return out.toString();
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
