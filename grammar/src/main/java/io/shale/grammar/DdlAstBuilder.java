package io.shale.grammar;

import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.*;
import io.shale.grammar.internal.ShaleParser.*;
import java.util.ArrayList;
import java.util.List;

/** Builds DDL: tables, constraints, ALTER TABLE, indexes, schemas, sequences, views and other objects. */
abstract class DdlAstBuilder extends QueryAstBuilder {

    static Persistence persistence(PersistenceContext context) {
        if (context == null) {
            return Persistence.PERMANENT;
        }
        return context.UNLOGGED() != null ? Persistence.UNLOGGED : Persistence.TEMPORARY;
    }

    static DropBehavior dropBehavior(DropBehaviorContext context) {
        if (context == null) {
            return DropBehavior.DEFAULT;
        }
        return context.CASCADE() != null ? DropBehavior.CASCADE : DropBehavior.RESTRICT;
    }

    List<Property> properties(PropertyListContext context) {
        if (context == null) {
            return List.of();
        }
        List<Property> result = new ArrayList<>();
        for (PropertyContext property : context.property()) {
            String value = null;
            if (property.EQ() != null) {
                value = property.booleanOrString() != null ? optionValue(property.booleanOrString())
                        : property.reservedKeyword() != null ? StringLiterals.foldCase(property.reservedKeyword().getText())
                        : property.getChild(2).getText();
            }
            result.add(new Property(propertyName(property.propertyName()), value));
        }
        return result;
    }

    static String propertyName(PropertyNameContext context) {
        return String.join(".", names(context.colLabel()));
    }

    // ------------------------------------------------------------ CREATE TABLE

    @Override
    public Object visitCreateTableStatement(CreateTableStatementContext context) {
        if (context.COMMIT() != null && context.PRESERVE() == null) {
            throw ShaleException.unsupported("ON COMMIT " + (context.DROP() != null ? "DROP" : "DELETE ROWS"))
                    .withPosition(position(context.COMMIT()));
        }
        List<QualifiedName> names = qualifiedNames(context.qualifiedName());
        PartitionSpec partition = null;
        if (context.PARTITION() != null) {
            partition = new PartitionSpec(name(context.identifier(0)),
                    visitAll(context.indexElement(), IndexElement.class));
        }
        String accessMethod = null;
        if (context.USING() != null) {
            accessMethod = name(context.identifier(context.identifier().size() - 1));
        }
        return new CreateTable(names.getFirst(), persistence(context.persistence()), context.EXISTS() != null,
                visitAll(context.tableElement(), TableElement.class), names.subList(1, names.size()), partition,
                accessMethod, properties(context.propertyList()));
    }

    @Override
    public Object visitCreateTableAsStatement(CreateTableAsStatementContext context) {
        return new CreateTableAs(qualifiedName(context.qualifiedName()), persistence(context.persistence()),
                context.EXISTS() != null, names(context.identifierList()),
                context.identifier() == null ? null : name(context.identifier()), properties(context.propertyList()),
                (Query) visit(context.query()), context.DATA() == null || context.NO() == null);
    }

    @Override
    public Object visitColumnElement(ColumnElementContext context) {
        return visit(context.columnDefinition());
    }

    @Override
    public Object visitConstraintElement(ConstraintElementContext context) {
        return new TableConstraint((ConstraintDefinition) visit(context.tableConstraint()));
    }

    @Override
    public Object visitColumnDefinition(ColumnDefinitionContext context) {
        QualifiedName collation = qualifiedName(context.qualifiedName());
        List<ConstraintDefinition> constraints = new ArrayList<>();
        for (ColumnConstraintContext constraint : context.columnConstraint()) {
            if (constraint.COLLATE() != null) {
                collation = qualifiedName(constraint.qualifiedName());
            } else {
                String name = constraint.identifier() == null ? null : name(constraint.identifier());
                constraints.add(columnConstraint(name, constraint.columnConstraintBody()));
            }
        }
        return new ColumnDefinition(name(context.colId()), (TypeName) visit(context.typeName()), collation,
                constraints);
    }

    private ConstraintDefinition columnConstraint(String name, ColumnConstraintBodyContext body) {
        return switch (body) {
            case NotNullColumnContext ignored -> new NotNullConstraint(name);
            case NullColumnContext ignored -> new NullConstraint(name);
            case DefaultColumnContext value -> new DefaultConstraint(name, expression(value.valueExpr()));
            case PrimaryKeyColumnContext ignored -> new PrimaryKeyConstraint(name, List.of(), List.of());
            case UniqueColumnContext unique -> new UniqueConstraint(name, List.of(), List.of(),
                    unique.NULLS() != null && unique.NOT() != null);
            case CheckColumnContext check -> new CheckConstraint(name, expression(check.expr()),
                    check.INHERIT() != null);
            case ReferencesColumnContext references -> foreignKey(name, List.of(), references.qualifiedName(),
                    references.identifierList(), references.referenceOptions());
            case IdentityColumnContext identity -> new IdentityConstraint(name, identity.ALWAYS() != null,
                    visitAll(identity.sequenceOption(), SequenceOption.class));
            case GeneratedColumnContext generated -> new GeneratedConstraint(name, expression(generated.expr()));
            default -> throw new IllegalStateException("unknown column constraint " + body.getText());
        };
    }

    private ForeignKeyConstraint foreignKey(String name, List<String> columns, QualifiedNameContext table,
                                            IdentifierListContext referenced, List<ReferenceOptionsContext> options) {
        ForeignKeyMatch match = ForeignKeyMatch.SIMPLE;
        ReferentialAction onDelete = ReferentialAction.NO_ACTION;
        ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
        boolean deferrable = false;
        boolean initiallyDeferred = false;
        for (ReferenceOptionsContext option : options) {
            switch (option) {
                case ReferenceMatchContext m -> match = m.FULL() != null ? ForeignKeyMatch.FULL
                        : m.PARTIAL() != null ? ForeignKeyMatch.PARTIAL : ForeignKeyMatch.SIMPLE;
                case ReferenceOnDeleteContext d -> onDelete = referentialAction(d.referentialAction());
                case ReferenceOnUpdateContext u -> onUpdate = referentialAction(u.referentialAction());
                case ReferenceDeferrableContext d -> deferrable = d.NOT() == null;
                case ReferenceInitiallyContext i -> initiallyDeferred = i.DEFERRED() != null;
                default -> throw new IllegalStateException("unknown reference option " + option.getText());
            }
        }
        return new ForeignKeyConstraint(name, columns, qualifiedName(table), names(referenced), match, onDelete,
                onUpdate, deferrable || initiallyDeferred, initiallyDeferred);
    }

    private static ReferentialAction referentialAction(ReferentialActionContext context) {
        if (context.NO() != null) {
            return ReferentialAction.NO_ACTION;
        }
        if (context.RESTRICT() != null) {
            return ReferentialAction.RESTRICT;
        }
        if (context.CASCADE() != null) {
            return ReferentialAction.CASCADE;
        }
        return context.NULL() != null ? ReferentialAction.SET_NULL : ReferentialAction.SET_DEFAULT;
    }

    @Override
    public Object visitTableConstraint(TableConstraintContext context) {
        String name = context.identifier() == null ? null : name(context.identifier());
        return switch (context.tableConstraintBody()) {
            case PrimaryKeyTableContext key -> new PrimaryKeyConstraint(name, names(key.identifierList()),
                    include(key.includeColumns()));
            case UniqueTableContext unique -> new UniqueConstraint(name, names(unique.identifierList()),
                    include(unique.includeColumns()), unique.NULLS() != null && unique.NOT() != null);
            case CheckTableContext check -> new CheckConstraint(name, expression(check.expr()),
                    check.INHERIT() != null);
            case ForeignKeyTableContext key -> foreignKey(name, names(key.identifierList(0)), key.qualifiedName(),
                    key.identifierList().size() > 1 ? key.identifierList(1) : null, key.referenceOptions());
            default -> throw new IllegalStateException("unknown table constraint " + context.getText());
        };
    }

    private static List<String> include(IncludeColumnsContext context) {
        return context == null ? List.of() : names(context.identifierList());
    }

    // ------------------------------------------------------------ ALTER TABLE

    @Override
    public Object visitAlterTableStatement(AlterTableStatementContext context) {
        return new AlterTable(qualifiedName(context.qualifiedName()), context.EXISTS() != null, context.ONLY() != null,
                visitAll(context.alterTableAction(), AlterTableAction.class));
    }

    @Override
    public Object visitAddColumn(AddColumnContext context) {
        return new AddColumn((ColumnDefinition) visit(context.columnDefinition()), context.EXISTS() != null);
    }

    @Override
    public Object visitDropColumn(DropColumnContext context) {
        return new DropColumn(name(context.colId()), context.EXISTS() != null, dropBehavior(context.dropBehavior()));
    }

    @Override
    public Object visitRenameColumn(RenameColumnContext context) {
        return new RenameColumn(name(context.colId(0)), name(context.colId(1)));
    }

    @Override
    public Object visitRenameTable(RenameTableContext context) {
        return new RenameTable(name(context.colId()));
    }

    @Override
    public Object visitRenameConstraint(RenameConstraintContext context) {
        return new RenameConstraint(name(context.colId(0)), name(context.colId(1)));
    }

    @Override
    public Object visitSetSchema(SetSchemaContext context) {
        return new SetSchema(name(context.colId()));
    }

    @Override
    public Object visitSetColumnDefault(SetColumnDefaultContext context) {
        return new SetColumnDefault(name(context.colId()), expression(context.valueExpr()));
    }

    @Override
    public Object visitDropColumnDefault(DropColumnDefaultContext context) {
        return new DropColumnDefault(name(context.colId()));
    }

    @Override
    public Object visitSetNotNull(SetNotNullContext context) {
        return new SetNotNull(name(context.colId()));
    }

    @Override
    public Object visitDropNotNull(DropNotNullContext context) {
        return new DropNotNull(name(context.colId()));
    }

    @Override
    public Object visitAlterColumnType(AlterColumnTypeContext context) {
        return new AlterColumnType(name(context.colId()), (TypeName) visit(context.typeName()),
                qualifiedName(context.qualifiedName()), expression(context.expr()));
    }

    @Override
    public Object visitAddConstraint(AddConstraintContext context) {
        return new AddConstraint((ConstraintDefinition) visit(context.tableConstraint()), context.VALID() != null);
    }

    @Override
    public Object visitDropConstraint(DropConstraintContext context) {
        return new DropConstraint(name(context.colId()), context.EXISTS() != null,
                dropBehavior(context.dropBehavior()));
    }

    @Override
    public Object visitValidateConstraint(ValidateConstraintContext context) {
        return new ValidateConstraint(name(context.colId()));
    }

    @Override
    public Object visitChangeOwner(ChangeOwnerContext context) {
        return new ChangeOwner((RoleSpecification) visit(context.roleSpecification()));
    }

    @Override
    public Object visitReplicaIdentity(ReplicaIdentityContext context) {
        if (context.INDEX() != null) {
            return new SetReplicaIdentity(ReplicaIdentityKind.INDEX, name(context.colId()));
        }
        ReplicaIdentityKind kind = context.FULL() != null ? ReplicaIdentityKind.FULL
                : context.NOTHING() != null ? ReplicaIdentityKind.NOTHING : ReplicaIdentityKind.DEFAULT;
        return new SetReplicaIdentity(kind, null);
    }

    @Override
    public Object visitSetOptions(SetOptionsContext context) {
        return new SetOptions(properties(context.propertyList()));
    }

    @Override
    public Object visitResetOptions(ResetOptionsContext context) {
        List<String> names = new ArrayList<>();
        for (PropertyNameContext name : context.propertyName()) {
            names.add(propertyName(name));
        }
        return new ResetOptions(names);
    }

    // ------------------------------------------------------------ indexes, schemas, sequences, views

    @Override
    public Object visitCreateIndexStatement(CreateIndexStatementContext context) {
        return new CreateIndex(context.colId() == null ? null : name(context.colId()),
                qualifiedName(context.qualifiedName()), context.UNIQUE() != null, context.CONCURRENTLY() != null,
                context.EXISTS() != null, context.ONLY() != null,
                context.identifier() == null ? null : name(context.identifier()),
                visitAll(context.indexElement(), IndexElement.class), include(context.includeColumns()),
                properties(context.propertyList()), expression(context.expr()));
    }

    @Override
    public Object visitCreateSchemaNamed(CreateSchemaNamedContext context) {
        RoleSpecification owner = context.roleSpecification() == null ? null
                : (RoleSpecification) visit(context.roleSpecification());
        return new CreateSchema(name(context.colId()), context.EXISTS() != null, owner,
                visitAll(context.schemaElement(), Statement.class));
    }

    @Override
    public Object visitCreateSchemaAuthorization(CreateSchemaAuthorizationContext context) {
        return new CreateSchema(null, context.EXISTS() != null,
                (RoleSpecification) visit(context.roleSpecification()),
                visitAll(context.schemaElement(), Statement.class));
    }

    @Override
    public Object visitSchemaElement(SchemaElementContext context) {
        return visit(context.getChild(0));
    }

    @Override
    public Object visitCreateSequenceStatement(CreateSequenceStatementContext context) {
        return new CreateSequence(qualifiedName(context.qualifiedName()), persistence(context.persistence()),
                context.EXISTS() != null, visitAll(context.sequenceOption(), SequenceOption.class));
    }

    @Override
    public Object visitSequenceAs(SequenceAsContext context) {
        return new SequenceType((TypeName) visit(context.typeName()));
    }

    @Override
    public Object visitSequenceIncrement(SequenceIncrementContext context) {
        return new SequenceIncrement(signedLong(context.signedNumber()));
    }

    @Override
    public Object visitSequenceMinValue(SequenceMinValueContext context) {
        return new SequenceMinValue(signedLong(context.signedNumber()));
    }

    @Override
    public Object visitSequenceNoMinValue(SequenceNoMinValueContext context) {
        return new SequenceMinValue(null);
    }

    @Override
    public Object visitSequenceMaxValue(SequenceMaxValueContext context) {
        return new SequenceMaxValue(signedLong(context.signedNumber()));
    }

    @Override
    public Object visitSequenceNoMaxValue(SequenceNoMaxValueContext context) {
        return new SequenceMaxValue(null);
    }

    @Override
    public Object visitSequenceStart(SequenceStartContext context) {
        return new SequenceStart(signedLong(context.signedNumber()));
    }

    @Override
    public Object visitSequenceRestart(SequenceRestartContext context) {
        return new SequenceRestart(context.signedNumber() == null ? null : signedLong(context.signedNumber()));
    }

    @Override
    public Object visitSequenceCache(SequenceCacheContext context) {
        return new SequenceCache(signedLong(context.signedNumber()));
    }

    @Override
    public Object visitSequenceCycle(SequenceCycleContext context) {
        return new SequenceCycle(true);
    }

    @Override
    public Object visitSequenceNoCycle(SequenceNoCycleContext context) {
        return new SequenceCycle(false);
    }

    @Override
    public Object visitSequenceOwnedBy(SequenceOwnedByContext context) {
        return new SequenceOwnedBy(qualifiedName(context.qualifiedName()));
    }

    @Override
    public Object visitSequenceName(SequenceNameContext context) {
        return new SequenceName(qualifiedName(context.qualifiedName()));
    }

    @Override
    public Object visitCreateViewStatement(CreateViewStatementContext context) {
        return new CreateView(qualifiedName(context.qualifiedName()), context.REPLACE() != null,
                persistence(context.persistence()), names(context.identifierList()),
                properties(context.propertyList()), (Query) visit(context.query()));
    }
}
