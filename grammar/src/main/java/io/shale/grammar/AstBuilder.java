package io.shale.grammar;

import io.shale.grammar.ast.*;
import io.shale.grammar.internal.ShaleParser.*;
import java.util.ArrayList;
import java.util.List;

/** The parse-tree visitor that builds Shale's AST; statement-level dispatch lives here, the rest in its layers. */
final class AstBuilder extends UtilityAstBuilder {

    @Override
    public Object visitAlterSequence(AlterSequenceContext context) {
        return new AlterSequence(qualifiedName(context.qualifiedName()), context.EXISTS() != null,
                visitAll(context.sequenceOption(), SequenceOption.class));
    }

    @Override
    public Object visitCreateDatabase(CreateDatabaseContext context) {
        List<Property> options = new ArrayList<>();
        for (DatabaseOptionContext option : context.databaseOption()) {
            String value = option.DEFAULT() != null ? null
                    : option.signedNumber() != null ? option.signedNumber().getText()
                    : nameOrString(option.nonReservedWordOrString());
            options.add(new Property(propertyName(option.propertyName()), value));
        }
        return new CreateDatabase(name(context.identifier()), options);
    }

    @Override
    public Object visitDropDatabase(DropDatabaseContext context) {
        return new DropDatabase(name(context.identifier()), context.EXISTS() != null, !context.FORCE().isEmpty());
    }

    @Override
    public Object visitCreateEnumType(CreateEnumTypeContext context) {
        List<String> labels = new ArrayList<>();
        for (StringContext label : context.string()) {
            labels.add(string(label));
        }
        return new CreateEnumType(qualifiedName(context.qualifiedName()), labels);
    }

    @Override
    public Object visitCreateExtension(CreateExtensionContext context) {
        String schema = context.SCHEMA().isEmpty() ? null : name(context.identifier(1));
        String version = context.nonReservedWordOrString().isEmpty() ? null
                : nameOrString(context.nonReservedWordOrString(0));
        return new CreateExtension(name(context.identifier(0)), context.EXISTS() != null, schema, version,
                !context.CASCADE().isEmpty());
    }

    @Override
    public Object visitDropObjects(DropObjectsContext context) {
        return new DropObjects(objectType(context.dropObjectType()), qualifiedNames(context.qualifiedName()),
                context.EXISTS() != null, false, dropBehavior(context.dropBehavior()));
    }

    @Override
    public Object visitDropIndex(DropIndexContext context) {
        return new DropObjects(ObjectType.INDEX, qualifiedNames(context.qualifiedName()), context.EXISTS() != null,
                context.CONCURRENTLY() != null, dropBehavior(context.dropBehavior()));
    }

    @Override
    public Object visitAlterOwner(AlterOwnerContext context) {
        return new AlterOwner(objectType(context.alterObjectType()), qualifiedName(context.qualifiedName()),
                (RoleSpecification) visit(context.roleSpecification()));
    }

    @Override
    public Object visitRenameObject(RenameObjectContext context) {
        return new RenameObject(objectType(context.alterObjectType()), qualifiedName(context.qualifiedName()),
                name(context.identifier()));
    }

    @Override
    public Object visitRenameRole(RenameRoleContext context) {
        RoleSpecification role = (RoleSpecification) visit(context.roleSpecification());
        String current = role.name() != null ? role.name() : role.kind().name().toLowerCase(java.util.Locale.ROOT);
        return new RenameObject(ObjectType.ROLE, QualifiedName.of(current), name(context.identifier()));
    }

    @Override
    public Object visitTruncate(TruncateContext context) {
        return new Truncate(qualifiedNames(context.qualifiedName()), !context.ONLY().isEmpty(),
                context.RESTART() != null, dropBehavior(context.dropBehavior()));
    }

    @Override
    public Object visitComment(CommentContext context) {
        return new Comment(objectType(context.commentObjectType()), qualifiedName(context.qualifiedName()),
                string(context.string()));
    }

    @Override
    public Object visitStartTransaction(StartTransactionContext context) {
        return new StartTransaction(transactionModes(context.transactionMode()));
    }

    @Override
    public Object visitCommit(CommitContext context) {
        return new Commit(context.CHAIN() != null && context.NO() == null);
    }

    @Override
    public Object visitRollback(RollbackContext context) {
        return new Rollback(context.CHAIN() != null && context.NO() == null);
    }

    @Override
    public Object visitSavepoint(SavepointContext context) {
        return new Savepoint(name(context.identifier()));
    }

    @Override
    public Object visitReleaseSavepoint(ReleaseSavepointContext context) {
        return new ReleaseSavepoint(name(context.identifier()));
    }

    @Override
    public Object visitRollbackToSavepoint(RollbackToSavepointContext context) {
        return new RollbackToSavepoint(name(context.identifier()));
    }

    @Override
    public Object visitPrepareTransaction(PrepareTransactionContext context) {
        return new PrepareTransaction(string(context.string()));
    }

    @Override
    public Object visitCommitPrepared(CommitPreparedContext context) {
        return new CommitPrepared(string(context.string()));
    }

    @Override
    public Object visitRollbackPrepared(RollbackPreparedContext context) {
        return new RollbackPrepared(string(context.string()));
    }
}
