package io.shale.grammar;

import io.shale.grammar.ast.*;
import java.util.List;

/** Prints transaction, session, cursor, COPY, role, privilege and maintenance statements. */
final class UtilityFormatter extends StatementFormatter {

    @Override
    String utility(Statement statement) {
        return switch (statement) {
            case StartTransaction start -> "START TRANSACTION" + (start.modes().isEmpty() ? "" : " "
                    + transactionModes(start.modes()));
            case Commit commit -> "COMMIT" + (commit.chain() ? " AND CHAIN" : "");
            case Rollback rollback -> "ROLLBACK" + (rollback.chain() ? " AND CHAIN" : "");
            case Savepoint savepoint -> "SAVEPOINT " + identifier(savepoint.name());
            case ReleaseSavepoint release -> "RELEASE SAVEPOINT " + identifier(release.name());
            case RollbackToSavepoint rollback -> "ROLLBACK TO SAVEPOINT " + identifier(rollback.name());
            case PrepareTransaction prepare -> "PREPARE TRANSACTION " + string(prepare.transactionId());
            case CommitPrepared commit -> "COMMIT PREPARED " + string(commit.transactionId());
            case RollbackPrepared rollback -> "ROLLBACK PREPARED " + string(rollback.transactionId());
            case SetVariable set -> "SET " + (set.local() ? "LOCAL " : "") + propertyName(set.name()) + " TO "
                    + (set.values().isEmpty() ? "DEFAULT" : join(set.values(), ExpressionFormatter::string, ", "));
            case SetTransaction set -> (set.sessionCharacteristics() ? "SET SESSION CHARACTERISTICS AS TRANSACTION "
                    : "SET TRANSACTION ") + transactionModes(set.modes());
            case ResetVariable reset -> "RESET " + (reset.name().equals("all") ? "ALL" : propertyName(reset.name()));
            case ShowVariable show -> "SHOW " + (show.name().equals("all") ? "ALL" : propertyName(show.name()));
            case Explain explain -> "EXPLAIN " + (explain.options().isEmpty() ? ""
                    : "(" + join(explain.options(), this::option, ", ") + ") ") + statement(explain.statement());
            case Prepare prepare -> "PREPARE " + identifier(prepare.name()) + (prepare.parameterTypes().isEmpty() ? ""
                    : " (" + join(prepare.parameterTypes(), this::type, ", ") + ")") + " AS "
                    + statement(prepare.statement());
            case Execute execute -> "EXECUTE " + identifier(execute.name()) + (execute.parameters().isEmpty() ? ""
                    : " (" + expressions(execute.parameters()) + ")");
            case Deallocate deallocate -> "DEALLOCATE " + (deallocate.name() == null ? "ALL"
                    : identifier(deallocate.name()));
            case DeclareCursor declare -> "DECLARE " + identifier(declare.name()) + (declare.binary() ? " BINARY" : "")
                    + switch (declare.scroll()) {
                        case DEFAULT -> "";
                        case SCROLL -> " SCROLL";
                        case NO_SCROLL -> " NO SCROLL";
                    } + " CURSOR " + (declare.withHold() ? "WITH HOLD" : "WITHOUT HOLD") + " FOR "
                    + query(declare.query());
            case Fetch fetch -> (fetch.move() ? "MOVE " : "FETCH ") + fetch.direction().name() + " "
                    + (fetch.count() == Long.MAX_VALUE ? "ALL" : Long.toString(fetch.count())) + " FROM "
                    + identifier(fetch.cursor());
            case CloseCursor close -> "CLOSE " + (close.name() == null ? "ALL" : identifier(close.name()));
            case Copy copy -> copy(copy);
            case CreateRole create -> (create.user() ? "CREATE USER " : "CREATE ROLE ") + identifier(create.name())
                    + roleOptions(create.options());
            case AlterRole alter -> "ALTER ROLE " + role(alter.role()) + " WITH" + roleOptions(alter.options());
            case AlterRoleSet set -> "ALTER ROLE " + (set.role() == null ? "ALL" : role(set.role()))
                    + (set.database() == null ? "" : " IN DATABASE " + identifier(set.database()))
                    + (set.reset() ? " RESET " + (set.variable().equals("all") ? "ALL" : propertyName(set.variable()))
                    : " SET " + propertyName(set.variable()) + " TO " + (set.values().isEmpty() ? "DEFAULT"
                    : join(set.values(), ExpressionFormatter::string, ", ")));
            case DropRole drop -> "DROP ROLE " + (drop.ifExists() ? "IF EXISTS " : "") + names(drop.names());
            case Grant grant -> "GRANT " + privileges(grant.privileges()) + " ON "
                    + grantObjects(grant.objectType(), grant.objects()) + " TO " + roles(grant.grantees())
                    + (grant.withGrantOption() ? " WITH GRANT OPTION" : "");
            case Revoke revoke -> "REVOKE " + (revoke.grantOptionFor() ? "GRANT OPTION FOR " : "")
                    + privileges(revoke.privileges()) + " ON " + grantObjects(revoke.objectType(), revoke.objects())
                    + " FROM " + roles(revoke.grantees()) + dropBehavior(revoke.behavior());
            case GrantRole grant -> "GRANT " + names(grant.roles()) + " TO " + roles(grant.grantees())
                    + (grant.withAdminOption() ? " WITH ADMIN OPTION" : "");
            case RevokeRole revoke -> "REVOKE " + (revoke.adminOptionFor() ? "ADMIN OPTION FOR " : "")
                    + names(revoke.roles()) + " FROM " + roles(revoke.grantees()) + dropBehavior(revoke.behavior());
            case AlterDefaultPrivileges alter -> alterDefaultPrivileges(alter);
            case ReassignOwned reassign -> "REASSIGN OWNED BY " + roles(reassign.roles()) + " TO "
                    + roles(List.of(reassign.newOwner()));
            case DropOwned drop -> "DROP OWNED BY " + roles(drop.roles()) + dropBehavior(drop.behavior());
            case Vacuum vacuum -> "VACUUM" + utilityOptions(vacuum.options()) + vacuumTargets(vacuum.targets());
            case Analyze analyze -> "ANALYZE" + utilityOptions(analyze.options()) + vacuumTargets(analyze.targets());
            case Checkpoint ignored -> "CHECKPOINT";
            case Discard discard -> "DISCARD " + discard.target().name();
            case Listen listen -> "LISTEN " + identifier(listen.channel());
            case Notify notify -> "NOTIFY " + identifier(notify.channel())
                    + (notify.payload() == null ? "" : ", " + string(notify.payload()));
            case Unlisten unlisten -> "UNLISTEN " + (unlisten.channel() == null ? "*" : identifier(unlisten.channel()));
            case DoBlock block -> "DO " + (block.language() == null ? "" : "LANGUAGE " + identifier(block.language())
                    + " ") + string(block.code());
            default -> throw new IllegalStateException("unknown statement " + statement);
        };
    }

    private String option(Property option) {
        return identifier(option.name()) + (option.value() == null ? "" : " " + string(option.value()));
    }

    private String utilityOptions(List<Property> options) {
        return options.isEmpty() ? "" : " (" + join(options, this::option, ", ") + ")";
    }

    private static String vacuumTargets(List<VacuumTarget> targets) {
        return targets.isEmpty() ? "" : " " + join(targets, target -> name(target.table())
                + (target.columns().isEmpty() ? "" : " (" + names(target.columns()) + ")"), ", ");
    }

    private static String transactionModes(List<TransactionMode> modes) {
        return join(modes, mode -> switch (mode) {
            case IsolationLevelMode level -> "ISOLATION LEVEL " + level.level().name().replace('_', ' ');
            case AccessMode access -> access.readOnly() ? "READ ONLY" : "READ WRITE";
            case DeferrableMode deferrable -> deferrable.deferrable() ? "DEFERRABLE" : "NOT DEFERRABLE";
        }, ", ");
    }

    private String copy(Copy copy) {
        StringBuilder out = new StringBuilder("COPY ");
        if (copy.query() != null) {
            out.append('(').append(statement(copy.query())).append(')');
        } else {
            out.append(name(copy.table()));
            if (!copy.columns().isEmpty()) {
                out.append(" (").append(names(copy.columns())).append(')');
            }
        }
        out.append(copy.from() ? " FROM " : " TO ").append(copy.program() ? "PROGRAM " : "");
        out.append(copy.file() == null ? (copy.from() ? "STDIN" : "STDOUT") : string(copy.file()));
        if (!copy.options().isEmpty()) {
            out.append(" WITH (").append(join(copy.options(), option -> identifier(option.name())
                    + (option.allColumns() ? " *" : !option.columns().isEmpty() ? " (" + names(option.columns()) + ")"
                    : option.value() == null ? "" : " " + string(option.value())), ", ")).append(')');
        }
        if (copy.where() != null) {
            out.append(" WHERE ").append(expression(copy.where()));
        }
        return out.toString();
    }

    private static String roleOptions(List<RoleOption> options) {
        StringBuilder out = new StringBuilder();
        for (RoleOption option : options) {
            out.append(' ').append(switch (option) {
                case RoleFlag flag -> (flag.enabled() ? "" : "NO") + flag.flag().toUpperCase(java.util.Locale.ROOT);
                case ConnectionLimit limit -> "CONNECTION LIMIT " + limit.limit();
                case RolePassword password -> (password.encrypted() ? "ENCRYPTED " : "") + "PASSWORD "
                        + (password.password() == null ? "NULL" : string(password.password()));
                case ValidUntil valid -> "VALID UNTIL " + string(valid.timestamp());
                case InRole in -> "IN ROLE " + names(in.roles());
                case RoleMembers members -> (members.admin() ? "ADMIN " : "ROLE ") + names(members.roles());
            });
        }
        return out.toString();
    }

    private static String privileges(List<Privilege> privileges) {
        if (privileges.isEmpty()) {
            return "ALL PRIVILEGES";
        }
        return join(privileges, privilege -> privilegeName(privilege.name())
                + (privilege.columns().isEmpty() ? "" : " (" + names(privilege.columns()) + ")"), ", ");
    }

    private static String privilegeName(String name) {
        return switch (name) {
            case "select", "references", "create" -> upper(name);
            default -> identifier(name);
        };
    }

    private static String grantObjects(GrantObjectType type, List<QualifiedName> objects) {
        String names = join(objects, ExpressionFormatter::name, ", ");
        return switch (type) {
            case TABLE -> "TABLE " + names;
            case SEQUENCE -> "SEQUENCE " + names;
            case DATABASE -> "DATABASE " + names;
            case SCHEMA -> "SCHEMA " + names;
            case FUNCTION -> "FUNCTION " + names;
            case ALL_TABLES_IN_SCHEMA -> "ALL TABLES IN SCHEMA " + names;
            case ALL_SEQUENCES_IN_SCHEMA -> "ALL SEQUENCES IN SCHEMA " + names;
            case ALL_FUNCTIONS_IN_SCHEMA -> "ALL FUNCTIONS IN SCHEMA " + names;
        };
    }

    private static String roles(List<RoleSpecification> roles) {
        return join(roles, StatementFormatter::role, ", ");
    }

    private static String alterDefaultPrivileges(AlterDefaultPrivileges alter) {
        StringBuilder out = new StringBuilder("ALTER DEFAULT PRIVILEGES");
        if (!alter.forRoles().isEmpty()) {
            out.append(" FOR ROLE ").append(names(alter.forRoles()));
        }
        if (!alter.inSchemas().isEmpty()) {
            out.append(" IN SCHEMA ").append(names(alter.inSchemas()));
        }
        if (alter.grant()) {
            out.append(" GRANT ").append(privileges(alter.privileges())).append(" ON ")
                    .append(alter.objectType().name()).append(" TO ").append(roles(alter.grantees()))
                    .append(alter.grantOption() ? " WITH GRANT OPTION" : "");
        } else {
            out.append(" REVOKE ").append(alter.grantOption() ? "GRANT OPTION FOR " : "")
                    .append(privileges(alter.privileges())).append(" ON ").append(alter.objectType().name())
                    .append(" FROM ").append(roles(alter.grantees())).append(dropBehavior(alter.behavior()));
        }
        return out.toString();
    }
}
