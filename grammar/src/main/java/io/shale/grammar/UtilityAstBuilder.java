package io.shale.grammar;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.grammar.ast.*;
import io.shale.grammar.internal.ShaleParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;

/** Builds transaction control, SET/SHOW, EXPLAIN, cursors, COPY, roles, privileges and maintenance statements. */
abstract class UtilityAstBuilder extends DdlAstBuilder {

    static ObjectType objectType(ParserRuleContext context) {
        String text = context.getText().toUpperCase(Locale.ROOT);
        return text.equals("MATERIALIZEDVIEW") ? ObjectType.MATERIALIZED_VIEW : ObjectType.valueOf(text);
    }

    // ------------------------------------------------------------ transactions

    List<TransactionMode> transactionModes(List<TransactionModeContext> contexts) {
        return visitAll(contexts, TransactionMode.class);
    }

    @Override
    public Object visitIsolationLevelMode(IsolationLevelModeContext context) {
        IsolationLevelContext level = context.isolationLevel();
        IsolationLevel isolation = level.SERIALIZABLE() != null ? IsolationLevel.SERIALIZABLE
                : level.REPEATABLE() != null ? IsolationLevel.REPEATABLE_READ
                : level.COMMITTED() != null ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED;
        return new IsolationLevelMode(isolation);
    }

    @Override
    public Object visitReadWriteMode(ReadWriteModeContext context) {
        return new AccessMode(false);
    }

    @Override
    public Object visitReadOnlyMode(ReadOnlyModeContext context) {
        return new AccessMode(true);
    }

    @Override
    public Object visitDeferrableMode(DeferrableModeContext context) {
        return new DeferrableMode(context.NOT() == null);
    }

    // ------------------------------------------------------------ SET, RESET, SHOW

    private static boolean local(org.antlr.v4.runtime.Token scope) {
        return scope != null && scope.getType() == io.shale.grammar.internal.ShaleParser.LOCAL;
    }

    static String varName(VarNameContext context) {
        return String.join(".", names(context.colId()));
    }

    List<String> varValues(List<VarValueContext> contexts) {
        List<String> values = new ArrayList<>();
        for (VarValueContext value : contexts) {
            values.add(optionValue(value));
        }
        return values;
    }

    @Override
    public Object visitSetVariable(SetVariableContext context) {
        return new SetVariable(varName(context.varName()), varValues(context.varValue()), local(context.scope));
    }

    @Override
    public Object visitSetTimeZone(SetTimeZoneContext context) {
        TimeZoneValueContext value = context.timeZoneValue();
        List<String> values = List.of();
        if (value != null) {
            String text = value.string() != null ? string(value.string())
                    : value.identifier() != null ? name(value.identifier()) : value.getText();
            values = List.of(text);
        }
        return new SetVariable("timezone", values, local(context.scope));
    }

    @Override
    public Object visitSetSchemaVariable(SetSchemaVariableContext context) {
        return new SetVariable("search_path", List.of(string(context.string())), local(context.scope));
    }

    @Override
    public Object visitSetNames(SetNamesContext context) {
        String value = nameOrString(context.nonReservedWordOrString());
        return new SetVariable("client_encoding", value == null ? List.of() : List.of(value), local(context.scope));
    }

    @Override
    public Object visitSetRole(SetRoleContext context) {
        return new SetVariable("role", List.of(nameOrString(context.nonReservedWordOrString())), local(context.scope));
    }

    @Override
    public Object visitSetSessionAuthorization(SetSessionAuthorizationContext context) {
        String value = nameOrString(context.nonReservedWordOrString());
        return new SetVariable("session_authorization", value == null ? List.of() : List.of(value),
                local(context.scope));
    }

    @Override
    public Object visitSetTransaction(SetTransactionContext context) {
        return new SetTransaction(transactionModes(context.transactionMode()), false);
    }

    @Override
    public Object visitSetSessionCharacteristics(SetSessionCharacteristicsContext context) {
        return new SetTransaction(transactionModes(context.transactionMode()), true);
    }

    private static String variableTarget(VarNameContext name, ParserRuleContext target) {
        if (name != null) {
            return varName(name);
        }
        String text = target.getText().toUpperCase(Locale.ROOT);
        return switch (text) {
            case "TIMEZONE" -> "timezone";
            case "TRANSACTIONISOLATIONLEVEL" -> "transaction_isolation";
            case "SESSIONAUTHORIZATION" -> "session_authorization";
            default -> "all";
        };
    }

    @Override
    public Object visitReset(ResetContext context) {
        ResetTargetContext target = context.resetTarget();
        return new ResetVariable(variableTarget(target.varName(), target));
    }

    @Override
    public Object visitShow(ShowContext context) {
        ShowTargetContext target = context.showTarget();
        return new ShowVariable(variableTarget(target.varName(), target));
    }

    // ------------------------------------------------------------ EXPLAIN, PREPARE, cursors

    Property utilityOption(UtilityOptionContext context) {
        String name = StringLiterals.decodeIdentifier(context.getChild(0).getText());
        ParserRuleContext value = context.booleanOrString() != null ? context.booleanOrString() : context.signedNumber();
        return new Property(name, optionValue(value));
    }

    @Override
    public Object visitExplain(ExplainContext context) {
        List<Property> options = new ArrayList<>();
        for (ExplainOptionContext option : context.explainOption()) {
            options.add(utilityOption(option.utilityOption()));
        }
        for (ExplainLegacyOptionContext legacy : context.explainLegacyOption()) {
            options.add(new Property(legacy.VERBOSE() != null ? "verbose" : "analyze", null));
        }
        ExplainableStatementContext target = context.explainableStatement();
        Statement statement = target.EXECUTE() != null
                ? new Execute(name(target.identifier()), expressions(target.expr()))
                : (Statement) visit(target.getChild(0));
        return new Explain(options, statement);
    }

    @Override
    public Object visitPrepare(PrepareContext context) {
        return new Prepare(name(context.identifier()), visitAll(context.typeName(), TypeName.class),
                (PreparableStatement) visit(context.preparableStatement()));
    }

    @Override
    public Object visitExecute(ExecuteContext context) {
        return new Execute(name(context.identifier()), expressions(context.expr()));
    }

    @Override
    public Object visitDeallocate(DeallocateContext context) {
        return new Deallocate(context.ALL() != null ? null : name(context.identifier()));
    }

    @Override
    public Object visitDeclareCursorStatement(DeclareCursorStatementContext context) {
        boolean binary = false;
        CursorScroll scroll = CursorScroll.DEFAULT;
        for (CursorOptionContext option : context.cursorOption()) {
            if (option.BINARY() != null) {
                binary = true;
            } else if (option.NO() != null) {
                scroll = CursorScroll.NO_SCROLL;
            } else if (option.SCROLL() != null) {
                scroll = CursorScroll.SCROLL;
            }
        }
        return new DeclareCursor(name(context.identifier()), binary, scroll, context.WITH() != null,
                (Query) visit(context.query()));
    }

    @Override
    public Object visitFetch(FetchContext context) {
        boolean move = context.MOVE() != null;
        String cursor = name(context.identifier());
        FetchDirectionContext direction = context.fetchDirection();
        return switch (direction) {
            case null -> new Fetch(FetchDirection.FORWARD, 1, cursor, move);
            case FetchNextContext ignored -> new Fetch(FetchDirection.FORWARD, 1, cursor, move);
            case FetchPriorContext ignored -> new Fetch(FetchDirection.BACKWARD, 1, cursor, move);
            case FetchFirstRowContext ignored -> new Fetch(FetchDirection.ABSOLUTE, 1, cursor, move);
            case FetchLastContext ignored -> new Fetch(FetchDirection.ABSOLUTE, -1, cursor, move);
            case FetchAbsoluteContext absolute ->
                    new Fetch(FetchDirection.ABSOLUTE, signedLong(absolute.signedNumber()), cursor, move);
            case FetchRelativeContext relative ->
                    new Fetch(FetchDirection.RELATIVE, signedLong(relative.signedNumber()), cursor, move);
            case FetchCountOnlyContext count ->
                    new Fetch(FetchDirection.FORWARD, signedLong(count.signedNumber()), cursor, move);
            case FetchAllContext ignored -> new Fetch(FetchDirection.FORWARD, Long.MAX_VALUE, cursor, move);
            case FetchForwardContext forward -> new Fetch(FetchDirection.FORWARD,
                    fetchCount(forward.signedNumber(), forward.ALL() != null), cursor, move);
            case FetchBackwardContext backward -> new Fetch(FetchDirection.BACKWARD,
                    fetchCount(backward.signedNumber(), backward.ALL() != null), cursor, move);
            default -> throw new IllegalStateException("unknown fetch direction " + direction.getText());
        };
    }

    private static long fetchCount(SignedNumberContext count, boolean all) {
        if (all) {
            return Long.MAX_VALUE;
        }
        return count == null ? 1 : signedLong(count);
    }

    @Override
    public Object visitClose(CloseContext context) {
        return new CloseCursor(context.ALL() != null ? null : name(context.identifier()));
    }

    // ------------------------------------------------------------ COPY

    @Override
    public Object visitCopyTable(CopyTableContext context) {
        List<CopyOption> options = new ArrayList<>();
        if (context.BINARY() != null) {
            options.add(new CopyOption("format", "binary", List.of(), false));
        }
        options.addAll(copyOptions(context.copyOptions()));
        return new Copy(qualifiedName(context.qualifiedName()), names(context.identifierList()), null,
                context.FROM() != null, copyFile(context.copyTarget()), context.PROGRAM() != null, options,
                expression(context.expr()));
    }

    @Override
    public Object visitCopyQuery(CopyQueryContext context) {
        return new Copy(null, List.of(), (PreparableStatement) visit(context.preparableStatement()), false,
                copyFile(context.copyTarget()), context.PROGRAM() != null, copyOptions(context.copyOptions()), null);
    }

    private static String copyFile(CopyTargetContext context) {
        return context.string() == null ? null : string(context.string());
    }

    private List<CopyOption> copyOptions(CopyOptionsContext context) {
        List<CopyOption> options = new ArrayList<>();
        if (context instanceof CopyOptionListContext list) {
            for (CopyOptionContext option : list.copyOption()) {
                String name = name(option.colLabel());
                if (option.ASTERISK() != null) {
                    options.add(new CopyOption(name, null, List.of(), true));
                } else if (option.identifierList() != null) {
                    options.add(new CopyOption(name, null, names(option.identifierList()), false));
                } else {
                    ParserRuleContext value = option.booleanOrString() != null ? option.booleanOrString()
                            : option.signedNumber() != null ? option.signedNumber() : option.signedDecimal();
                    String text = option.DEFAULT() != null ? "default" : optionValue(value);
                    options.add(new CopyOption(name, text, List.of(), false));
                }
            }
        } else if (context instanceof CopyLegacyOptionsContext legacy) {
            if (legacy.DELIMITERS() != null) {
                options.add(new CopyOption("delimiter", string(legacy.string()), List.of(), false));
            }
            for (CopyLegacyOptionContext option : legacy.copyLegacyOption()) {
                options.add(legacyCopyOption(option));
            }
        }
        return options;
    }

    private static CopyOption legacyCopyOption(CopyLegacyOptionContext option) {
        return switch (option) {
            case CopyLegacyBinaryContext ignored -> new CopyOption("format", "binary", List.of(), false);
            case CopyLegacyFreezeContext ignored -> new CopyOption("freeze", "true", List.of(), false);
            case CopyLegacyCsvContext ignored -> new CopyOption("format", "csv", List.of(), false);
            case CopyLegacyHeaderContext ignored -> new CopyOption("header", "true", List.of(), false);
            case CopyLegacyDelimiterContext value ->
                    new CopyOption("delimiter", string(value.string()), List.of(), false);
            case CopyLegacyNullContext value -> new CopyOption("null", string(value.string()), List.of(), false);
            case CopyLegacyQuoteContext value -> new CopyOption("quote", string(value.string()), List.of(), false);
            case CopyLegacyEscapeContext value -> new CopyOption("escape", string(value.string()), List.of(), false);
            case CopyLegacyForceQuoteContext value -> value.ASTERISK() != null
                    ? new CopyOption("force_quote", null, List.of(), true)
                    : new CopyOption("force_quote", null, names(value.identifierList()), false);
            case CopyLegacyForceNotNullContext value ->
                    new CopyOption("force_not_null", null, names(value.identifierList()), false);
            case CopyLegacyEncodingContext value ->
                    new CopyOption("encoding", string(value.string()), List.of(), false);
            default -> throw new IllegalStateException("unknown copy option " + option.getText());
        };
    }

    // ------------------------------------------------------------ roles and privileges

    @Override
    public Object visitRoleSpecification(RoleSpecificationContext context) {
        if (context.CURRENT_ROLE() != null) {
            return new RoleSpecification(RoleSpecificationKind.CURRENT_ROLE, null);
        }
        if (context.CURRENT_USER() != null) {
            return new RoleSpecification(RoleSpecificationKind.CURRENT_USER, null);
        }
        if (context.SESSION_USER() != null) {
            return new RoleSpecification(RoleSpecificationKind.SESSION_USER, null);
        }
        String name = name(context.nonReservedWord());
        return name.equals("public") ? new RoleSpecification(RoleSpecificationKind.PUBLIC, null)
                : new RoleSpecification(RoleSpecificationKind.NAME, name);
    }

    @Override
    public Object visitRolePassword(RolePasswordContext context) {
        return new RolePassword(string(context.string()), false);
    }

    @Override
    public Object visitRoleEncryptedPassword(RoleEncryptedPasswordContext context) {
        return new RolePassword(string(context.string()), true);
    }

    @Override
    public Object visitRoleUnencryptedPassword(RoleUnencryptedPasswordContext context) {
        throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "UNENCRYPTED PASSWORD is no longer supported")
                .withPosition(position(context));
    }

    @Override
    public Object visitRoleInherit(RoleInheritContext context) {
        return new RoleFlag("inherit", true);
    }

    @Override
    public Object visitRoleConnectionLimit(RoleConnectionLimitContext context) {
        return new ConnectionLimit(signedLong(context.signedNumber()));
    }

    @Override
    public Object visitRoleValidUntil(RoleValidUntilContext context) {
        return new ValidUntil(string(context.string()));
    }

    @Override
    public Object visitRoleInRole(RoleInRoleContext context) {
        return new InRole(names(context.identifierList()));
    }

    @Override
    public Object visitRoleMembers(RoleMembersContext context) {
        return new RoleMembers(names(context.identifierList()), false);
    }

    @Override
    public Object visitRoleAdmins(RoleAdminsContext context) {
        return new RoleMembers(names(context.identifierList()), true);
    }

    @Override
    public Object visitRoleFlag(RoleFlagContext context) {
        String word = StringLiterals.foldCase(context.getText());
        boolean enabled = !word.startsWith("no");
        String flag = word.startsWith("no") ? word.substring(2) : word;
        return switch (flag) {
            case "superuser", "createdb", "createrole", "inherit", "login", "replication", "bypassrls" ->
                    new RoleFlag(flag, enabled);
            default -> throw new ShaleException(ErrorCode.SYNTAX_ERROR, "unrecognized role option \"" + word + "\"")
                    .withPosition(position(context));
        };
    }

    @Override
    public Object visitCreateRole(CreateRoleContext context) {
        return new CreateRole(name(context.identifier()), context.USER() != null,
                visitAll(context.roleOption(), RoleOption.class));
    }

    @Override
    public Object visitAlterRole(AlterRoleContext context) {
        return new AlterRole((RoleSpecification) visit(context.roleSpecification()),
                visitAll(context.roleOption(), RoleOption.class));
    }

    @Override
    public Object visitAlterRoleSet(AlterRoleSetContext context) {
        RoleSpecification role = context.roleSpecification() == null ? null
                : (RoleSpecification) visit(context.roleSpecification());
        String database = context.identifier() == null ? null : name(context.identifier());
        return switch (context.roleSetting()) {
            case RoleSetContext set -> new AlterRoleSet(role, database, varName(set.varName()),
                    varValues(set.varValue()), false);
            case RoleResetContext reset -> new AlterRoleSet(role, database,
                    reset.varName() == null ? "all" : varName(reset.varName()), List.of(), true);
            case RoleSetFromCurrentContext current -> throw ShaleException.unsupported("SET ... FROM CURRENT");
            default -> throw new IllegalStateException("unknown role setting " + context.getText());
        };
    }

    @Override
    public Object visitDropRole(DropRoleContext context) {
        return new DropRole(names(context.identifier()), context.EXISTS() != null);
    }

    List<Privilege> privileges(PrivilegesContext context) {
        if (context.ALL() != null) {
            return List.of();
        }
        List<Privilege> result = new ArrayList<>();
        for (PrivilegeContext privilege : context.privilege()) {
            String name = StringLiterals.decodeIdentifier(privilege.getChild(0).getText());
            result.add(new Privilege(name, names(privilege.identifierList())));
        }
        return result;
    }

    private static GrantObjectType grantObjectType(GrantObjectsContext context) {
        return switch (context) {
            case GrantTablesContext ignored -> GrantObjectType.TABLE;
            case GrantSequencesContext ignored -> GrantObjectType.SEQUENCE;
            case GrantDatabasesContext ignored -> GrantObjectType.DATABASE;
            case GrantSchemasContext ignored -> GrantObjectType.SCHEMA;
            case GrantFunctionsContext ignored -> GrantObjectType.FUNCTION;
            case GrantAllInSchemaContext all -> all.TABLES() != null ? GrantObjectType.ALL_TABLES_IN_SCHEMA
                    : all.SEQUENCES() != null ? GrantObjectType.ALL_SEQUENCES_IN_SCHEMA
                    : GrantObjectType.ALL_FUNCTIONS_IN_SCHEMA;
            default -> throw new IllegalStateException("unknown grant objects " + context.getText());
        };
    }

    private static List<QualifiedName> grantObjectNames(GrantObjectsContext context) {
        List<QualifiedName> names = new ArrayList<>();
        for (int i = 0; i < context.getChildCount(); i++) {
            if (context.getChild(i) instanceof QualifiedNameContext name) {
                names.add(qualifiedName(name));
            }
        }
        return names;
    }

    List<RoleSpecification> grantees(GranteeListContext context) {
        List<RoleSpecification> result = new ArrayList<>();
        for (GranteeContext grantee : context.grantee()) {
            result.add((RoleSpecification) visit(grantee.roleSpecification()));
        }
        return result;
    }

    @Override
    public Object visitGrantStatement(GrantStatementContext context) {
        return new Grant(privileges(context.privileges()), grantObjectType(context.grantObjects()),
                grantObjectNames(context.grantObjects()), grantees(context.granteeList()), context.OPTION() != null);
    }

    @Override
    public Object visitRevoke(RevokeContext context) {
        return new Revoke(context.OPTION() != null, privileges(context.privileges()),
                grantObjectType(context.grantObjects()), grantObjectNames(context.grantObjects()),
                grantees(context.granteeList()), dropBehavior(context.dropBehavior()));
    }

    @Override
    public Object visitGrantRole(GrantRoleContext context) {
        return new GrantRole(names(context.identifierList()), grantees(context.granteeList()),
                context.OPTION() != null);
    }

    @Override
    public Object visitRevokeRole(RevokeRoleContext context) {
        return new RevokeRole(context.OPTION() != null, names(context.identifierList()),
                grantees(context.granteeList()), dropBehavior(context.dropBehavior()));
    }

    @Override
    public Object visitReassignOwned(ReassignOwnedContext context) {
        return new ReassignOwned(grantees(context.granteeList()), (RoleSpecification) visit(context.roleSpecification()));
    }

    @Override
    public Object visitDropOwned(DropOwnedContext context) {
        return new DropOwned(grantees(context.granteeList()), dropBehavior(context.dropBehavior()));
    }

    @Override
    public Object visitAlterDefaultPrivileges(AlterDefaultPrivilegesContext context) {
        List<String> roles = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        for (DefaultPrivilegeScopeContext scope : context.defaultPrivilegeScope()) {
            (scope.SCHEMA() != null ? schemas : roles).addAll(names(scope.identifierList()));
        }
        DefaultPrivilegeActionContext action = context.defaultPrivilegeAction();
        String objects = action.defaultPrivilegeObjects().getText().toUpperCase(Locale.ROOT);
        DefaultPrivilegeObjectType type = objects.equals("ROUTINES") ? DefaultPrivilegeObjectType.FUNCTIONS
                : DefaultPrivilegeObjectType.valueOf(objects);
        boolean grant = action.GRANT() != null && action.REVOKE() == null;
        return new AlterDefaultPrivileges(roles, schemas, grant, action.OPTION() != null,
                privileges(action.privileges()), type, grantees(action.granteeList()),
                dropBehavior(action.dropBehavior()));
    }

    // ------------------------------------------------------------ maintenance and notifications

    private List<VacuumTarget> vacuumTargets(VacuumTargetsContext context) {
        if (context == null) {
            return List.of();
        }
        List<VacuumTarget> targets = new ArrayList<>();
        for (VacuumTargetContext target : context.vacuumTarget()) {
            targets.add(new VacuumTarget(qualifiedName(target.qualifiedName()), names(target.identifierList())));
        }
        return targets;
    }

    private List<Property> utilityOptions(List<UtilityOptionContext> contexts) {
        List<Property> options = new ArrayList<>();
        for (UtilityOptionContext option : contexts) {
            options.add(utilityOption(option));
        }
        return options;
    }

    @Override
    public Object visitVacuum(VacuumContext context) {
        List<Property> options = utilityOptions(context.utilityOption());
        for (VacuumLegacyOptionContext legacy : context.vacuumLegacyOption()) {
            String name = StringLiterals.foldCase(legacy.getText());
            options.add(new Property(name.equals("analyse") ? "analyze" : name, null));
        }
        return new Vacuum(options, vacuumTargets(context.vacuumTargets()));
    }

    @Override
    public Object visitAnalyze(AnalyzeContext context) {
        List<Property> options = utilityOptions(context.utilityOption());
        if (context.VERBOSE() != null) {
            options.add(new Property("verbose", null));
        }
        return new Analyze(options, vacuumTargets(context.vacuumTargets()));
    }

    @Override
    public Object visitCheckpoint(CheckpointContext context) {
        return new Checkpoint();
    }

    @Override
    public Object visitDiscard(DiscardContext context) {
        DiscardTarget target = context.ALL() != null ? DiscardTarget.ALL
                : context.PLANS() != null ? DiscardTarget.PLANS
                : context.SEQUENCES() != null ? DiscardTarget.SEQUENCES : DiscardTarget.TEMP;
        return new Discard(target);
    }

    @Override
    public Object visitListen(ListenContext context) {
        return new Listen(name(context.identifier()));
    }

    @Override
    public Object visitNotify(NotifyContext context) {
        return new Notify(name(context.identifier()), string(context.string()));
    }

    @Override
    public Object visitUnlisten(UnlistenContext context) {
        return new Unlisten(context.identifier() == null ? null : name(context.identifier()));
    }

    @Override
    public Object visitDoBlock(DoBlockContext context) {
        String language = context.nonReservedWordOrString().isEmpty() ? null
                : nameOrString(context.nonReservedWordOrString(0));
        return new DoBlock(string(context.string()), language);
    }
}
